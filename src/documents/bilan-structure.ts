import { NEED_THEMES } from '../core/bilans/bilan.js';
import { EXIT_CATEGORIES, NEED_INTENSITIES } from '../core/domain/taxonomy.js';
import type { ProgressDocumentInput } from '../core/ports/progress-documents.js';
import { formatDate } from '../i18n/format.js';
import type { Block, DocumentModel, Section } from './progress-document-model.js';
import { sectionWriter, type SectionWriter } from './progress-sections.js';

/** The scale as printed: typographic minus signs, as on the official form. */
export const printedIntensity = (i: string): string => i.replace(/-/g, '−');

/** The structure of each document: which sections, in which order, and what is filled in at the meeting. */
export function buildDocumentModel(input: ProgressDocumentInput): DocumentModel {
  const w = sectionWriter(input);
  const { t } = w;
  const { facts, kind, locale } = input;
  const name = `${facts.person.firstName} ${facts.person.lastName}`;
  const common = () => [w.narrative(), w.contract()];
  // Thunks: only the chosen kind's sections are built (a two-year attendance table is not free).
  const layouts: Record<ProgressDocumentInput['kind'], () => Array<Section | null>> = {
    suivi: () => [...common(), w.attendance(), w.observations(), w.skills(), w.situations(), w.objectives(), w.events(), w.ownWords(), w.bilans(), w.charts()],
    accueil: () => [...common(), w.situations(), w.objectives(t('doc.section.objectives_contract')), w.ownWords(), outcomes(input, w), view(input, w)],
    integration: () => [...common(), w.attendance(), w.observations(), w.skills(), w.situations(), w.objectives(t('doc.section.objectives_contract')),
      w.ownWords(), w.charts(), outcomes(input, w), view(input, w)],
    intermediaire: () => [...common(), w.attendance(), w.observations(), w.skills(), w.situations(), w.objectives(), w.events(), w.ownWords(),
      w.charts(), outcomes(input, w), view(input, w)],
    prolongation: () => [...common(), needs(input, w), w.attendance(), w.skills(), w.objectives(), w.observations(), w.ownWords(), w.charts(),
      outcomes(input, w), view(input, w)],
    sortie: () => [...common(), exit(input, w), w.skills(), w.objectives(), w.attendance(), w.ownWords(), w.charts(), outcomes(input, w), view(input, w)],
  };
  const team = facts.person.teamName === null ? '' : ` — ${facts.person.teamName}`;
  return {
    title: t('doc.header', { title: t(`doc.title.${kind}`), name }),
    subtitle: t('progress.subtitle', { from: formatDate(facts.period.from, locale), to: formatDate(facts.period.to, locale), team }),
    intro: [t(`doc.intro.${kind}`), ...(facts.withheld ? [t('progress.withheld')] : [])].join(' '),
    sections: layouts[kind]().filter((s): s is Section => s !== null),
    footer: t('doc.generated', { date: formatDate(input.generatedOn, locale) }),
  };
}

/** Prolongation: every need of the list on the ++ / + / − / −− scale, as recorded, else from the current freins, else to fill in. */
function needs(input: ProgressDocumentInput, w: SectionWriter): Section {
  const { t } = w;
  const recorded = new Map((input.bilan?.content.needs ?? []).map((n) => [n.theme, n]));
  const rows = NEED_THEMES.map((theme) => {
    const need = recorded.get(theme);
    if (need) return [t(`doc.need.${theme}`), printedIntensity(need.intensity), need.comment ?? ''];
    const situation = input.facts.situations.find((s) => s.theme === theme && s.kind === 'frein' && s.status === 'active' && s.intensity !== null);
    if (situation) return [t(`doc.need.${theme}`), printedIntensity(situation.intensity!), `${t('doc.needs.from_situation', { label: situation.label })} — ${w.source(situation.source)}`];
    return [t(`doc.need.${theme}`), NEED_INTENSITIES.map((i) => `☐ ${printedIntensity(i)}`).join('  '), t('doc.needs.to_fill')];
  });
  return {
    heading: t('doc.section.needs'),
    blocks: [{ kind: 'paragraph', text: t('doc.needs.legend') }, { kind: 'table', header: [t('doc.needs.col.theme'), t('doc.needs.col.intensity'), t('doc.needs.col.comment')], rows }],
  };
}

function outcomes(input: ProgressDocumentInput, w: SectionWriter): Section {
  const { t } = w;
  const content = input.bilan?.content;
  const lines = [
    ...(content?.outcomes ?? []).map((text) => ({ text: t('doc.outcomes.outcome', { text }) })),
    ...(content?.nextSteps ?? []).map((text) => ({ text: t('doc.outcomes.next', { text }) })),
  ];
  const blocks: Block[] = lines.length === 0 ? [{ kind: 'form', fields: [{ label: t('doc.section.outcomes'), value: null }] }] : [{ kind: 'items', items: lines }];
  if (content?.notes) blocks.push({ kind: 'paragraph', text: content.notes });
  return { heading: t('doc.section.outcomes'), blocks };
}

function exit(input: ProgressDocumentInput, w: SectionWriter): Section {
  const { t } = w;
  const chosen = input.bilan?.exitCategory ?? input.facts.person.exitCategory;
  const options = EXIT_CATEGORIES.map((c) => `${c === chosen ? '☒' : '☐'} ${t(`doc.exit.${c}`)}`).join('\n');
  const exitDate = input.facts.person.exitDate ?? input.bilan?.date ?? null;
  return {
    heading: t('doc.section.exit'),
    blocks: [{ kind: 'form', fields: [
      { label: t('doc.exit.category'), value: options },
      { label: t('doc.exit.date'), value: exitDate === null ? null : formatDate(exitDate, input.locale) },
    ] }],
  };
}

/** The salarié's view and agreement: as recorded, or blank lines to fill in and sign at the meeting. */
function view(input: ProgressDocumentInput, w: SectionWriter): Section {
  const { t } = w;
  const b = input.bilan;
  const agreement = b?.salarieAgreement;
  const participants = (b?.participants ?? []).map((id) => input.names[id] ?? id).join(', ');
  return {
    heading: t('doc.section.view'),
    blocks: [{ kind: 'form', fields: [
      { label: t('doc.view.date'), value: b ? formatDate(b.date, input.locale) : null },
      { label: t('doc.view.participants'), value: participants === '' ? null : participants },
      { label: t('doc.view.view'), value: b?.salarieView ?? null },
      { label: t('doc.view.agreement'), value: agreement === undefined || agreement === null
        ? `☐ ${t('doc.view.agreement_yes')}   ☐ ${t('doc.view.agreement_no')}`
        : `${agreement ? '☒' : '☐'} ${t('doc.view.agreement_yes')}   ${agreement ? '☐' : '☒'} ${t('doc.view.agreement_no')}` },
      { label: t('doc.view.sign_salarie'), value: null },
      { label: t('doc.view.sign_cip'), value: null },
    ] }],
  };
}
