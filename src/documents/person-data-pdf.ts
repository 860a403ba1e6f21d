import type { PersonDataDocuments } from '../core/ports/person-data-documents.js';
import type { PersonDataSnapshot } from '../core/ports/person-data-store.js';
import { createTranslator } from '../i18n/translator.js';
import { renderPdf } from './bilan-pdf.js';
import type { DocumentModel, Item, Section } from './progress-document-model.js';
import { dateTimeFormat } from '../core/intl-cache.js';

const show = (value: unknown): string => {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(' / ');
  return JSON.stringify(value);
};

/** One record: its fields as « colonne : valeur », long JSON cut to stay readable (the JSON copy has it all). */
function recordItem(row: Readonly<Record<string, unknown>>): Item {
  const fields = Object.entries(row).map(([name, value]) => {
    const text = show(value);
    return { text: `${name.replace(/_/g, ' ')} : ${text.length > 1500 ? `${text.slice(0, 1500)}…` : text}` };
  });
  return { text: fields[0]?.text ?? '—', children: fields.slice(1) };
}

/** The right-of-access export as a readable PDF, one section per kind of record. */
export class PdfKitPersonDataDocuments implements PersonDataDocuments {
  async renderPdf(snapshot: PersonDataSnapshot, options: { locale: 'fr' | 'en'; generatedAt: Date }): Promise<Uint8Array> {
    const t = createTranslator(options.locale);
    const name = `${snapshot.subject.firstName} ${snapshot.subject.lastName}`;
    const date = dateTimeFormat(options.locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(options.generatedAt);
    const sections: Section[] = snapshot.tables.map((table) => ({
      heading: `${t(`privacy.table.${table.table}`)} — ${t('privacy.export.rows', { count: table.rows.length })}`,
      blocks: [{ kind: 'items', items: table.rows.map(recordItem) }],
    }));
    const model: DocumentModel = {
      title: t('privacy.export.title', { name }),
      subtitle: t('privacy.export.subtitle', { date }),
      intro: t('privacy.export.intro'),
      sections: sections.length > 0 ? sections : [{ heading: t('privacy.export.empty'), blocks: [] }],
      footer: t('privacy.export.footer'),
    };
    return renderPdf(model);
  }
}
