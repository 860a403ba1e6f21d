import type { ShiftNoteExtraction } from '../extraction/shift-note-extraction.js';

/** Sections of a draft, in the order they are shown and numbered. */
export const DRAFT_SECTIONS = ['attendance', 'production', 'observations', 'incidents', 'alerts'] as const;
export type DraftSection = (typeof DRAFT_SECTIONS)[number];

/** "non c'est Sofiane pas Karim": every line about one person moves to another. */
export function replacePerson(extraction: ShiftNoteExtraction, fromId: string, toId: string): ShiftNoteExtraction {
  const swap = (id: string): string => (id === fromId ? toId : id);
  const attendance = dedupeBy(extraction.attendance.map((a) => ({ ...a, person: swap(a.person) })), (a) => a.person);
  return {
    ...extraction,
    attendance,
    observations: extraction.observations.map((o) => ({ ...o, person: swap(o.person) })),
    incidents: extraction.incidents.map((i) => ({ ...i, persons: [...new Set(i.persons.map(swap))] })),
    alerts: extraction.alerts.map((a) => ({ ...a, person: a.person === null ? null : swap(a.person) })),
  };
}

/** "enlève la 2e observation": removes the n-th line (1-based) of a section; null when out of range. */
export function removeLine(extraction: ShiftNoteExtraction, section: DraftSection, position: number): ShiftNoteExtraction | null {
  const lines = extraction[section] as readonly unknown[];
  if (!Number.isInteger(position) || position < 1 || position > lines.length) return null;
  return { ...extraction, [section]: lines.filter((_, i) => i !== position - 1) };
}

/** Whether a person appears anywhere in the draft. */
export function mentions(extraction: ShiftNoteExtraction, personId: string): boolean {
  return extraction.attendance.some((a) => a.person === personId)
    || extraction.observations.some((o) => o.person === personId)
    || extraction.incidents.some((i) => i.persons.includes(personId))
    || extraction.alerts.some((a) => a.person === personId);
}

function dedupeBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
