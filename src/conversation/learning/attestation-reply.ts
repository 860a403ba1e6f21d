import type { Attestation } from '../../core/learning/attestation.js';
import type { Block, Reply } from '../../core/messages/reply.js';
import type { Locale, Translate } from '../../i18n/translator.js';
import { formatDate } from '../format.js';

/** The attestation in chat: levels per competence, then the PDF / Markdown links (or how to get it without links). */
export function attestationReply(a: Attestation, links: { pdf: string; markdown: string } | null, t: Translate, locale: Locale): Reply {
  const title = t('attestation.chat.title', { name: a.salarie.name });
  const item = (c: { label: string; level: string; evidence: ReadonlyArray<{ date: string; fact: string }> }) =>
    ({ title: `${c.label} — ${t(`level.${c.level}`)}`, lines: c.evidence.map((e) => `${formatDate(e.date, locale)} : « ${e.fact} »`) });
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'context', text: t('attestation.chat.intro', { date: formatDate(a.issuedOn, locale) }) },
  ];
  if (a.competences.length > 0) blocks.push({ type: 'list', title: t('ldoc.att.competences'), items: a.competences.map(item) });
  if (a.transversal.length > 0) blocks.push({ type: 'list', title: t('ldoc.att.transversal'), items: a.transversal.map(item) });
  if (links) blocks.push({ type: 'links', links: [{ label: t('attestation.chat.pdf'), url: links.pdf }, { label: t('attestation.chat.markdown'), url: links.markdown }] });
  else blocks.push({ type: 'context', text: t('attestation.chat.no_links', { name: a.salarie.name }) });
  return { text: title, blocks };
}
