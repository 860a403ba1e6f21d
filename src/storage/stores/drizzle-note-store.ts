import { and, desc, eq, gte, inArray, isNotNull, lte, lt } from 'drizzle-orm';
import { openJson, seal, SEALED, sealJson, unseal, type SecretBox } from '../crypto/secret-box.js';
import { sensitivityOf } from '../../core/domain/sensitivity.js';
import type { NoteConversation, NoteDraft, NoteSource, NoteStatus, ShiftNote } from '../../core/domain/shift-note.js';
import type { ConfirmedRecords, NewShiftNote, NoteStore } from '../../core/ports/note-store.js';
import type { Executor } from '../database.js';
import { alerts, attendance, incidents, observations, productionEntries, shiftNotes } from '../schema/index.js';

/**
 * The note text and its draft hold what the encadrant wrote, health and justice
 * details included: both are sealed at rest when a key is configured (the draft as
 * one sealed JSON string), and opened here, the only place that reads them.
 */
function toNote(r: typeof shiftNotes.$inferSelect, box: SecretBox | null): ShiftNote {
  return {
    id: r.id, structureId: r.structureId, teamId: r.teamId, authorId: r.authorId, shiftDate: r.shiftDate,
    rawText: r.rawText === null ? null : unseal(box, r.rawText, SEALED.noteText), source: r.source as NoteSource, status: r.status as NoteStatus, platform: r.platform,
    platformEventId: r.platformEventId, conversation: r.conversation as unknown as NoteConversation,
    draft: openDraft(r.draft, box), version: r.version, receivedAt: r.receivedAt, confirmedAt: r.confirmedAt,
  };
}

function openDraft(stored: unknown, box: SecretBox | null): NoteDraft | null {
  if (stored === null || stored === undefined) return null;
  return openJson(box, stored, SEALED.noteDraft) as NoteDraft;
}

const sealDraft = (draft: NoteDraft, box: SecretBox | null): unknown => sealJson(box, draft, SEALED.noteDraft);

export class DrizzleNoteStore implements NoteStore {
  /** `box`: seals restricted and special observation quotes and alert quotes at rest (null: development without a key). */
  constructor(private readonly db: Executor, private readonly box: SecretBox | null = null) {}

  async insertNote(note: NewShiftNote): Promise<{ note: ShiftNote; created: boolean }> {
    const inserted = await this.db.insert(shiftNotes).values({
      ...note, conversation: note.conversation as unknown as Record<string, unknown>,
      rawText: note.rawText === null ? null : seal(this.box, note.rawText, SEALED.noteText),
    }).onConflictDoNothing({ target: [shiftNotes.platform, shiftNotes.platformEventId] }).returning();
    if (inserted[0]) return { note: toNote(inserted[0], this.box), created: true };
    const [existing] = await this.db.select().from(shiftNotes)
      .where(and(eq(shiftNotes.platform, note.platform), eq(shiftNotes.platformEventId, note.platformEventId)));
    return { note: toNote(existing!, this.box), created: false };
  }

  async getNote(id: string): Promise<ShiftNote | null> {
    const [row] = await this.db.select().from(shiftNotes).where(eq(shiftNotes.id, id));
    return row ? toNote(row, this.box) : null;
  }

  async updateNote(id: string, expectedVersion: number, changes: Parameters<NoteStore['updateNote']>[2]): Promise<ShiftNote | null> {
    const set: Partial<typeof shiftNotes.$inferInsert> = { version: expectedVersion + 1, updatedAt: new Date() };
    if (changes.status !== undefined) set.status = changes.status;
    if (changes.rawText !== undefined) set.rawText = changes.rawText === null ? null : seal(this.box, changes.rawText, SEALED.noteText);
    if (changes.draft !== undefined) {
      set.draft = (changes.draft === null ? null : sealDraft(changes.draft, this.box)) as Record<string, unknown> | null;
      if (changes.draft !== null) set.draftedAt = new Date();
    }
    if (changes.conversation !== undefined) set.conversation = changes.conversation as unknown as Record<string, unknown>;
    if (changes.confirmedAt !== undefined) set.confirmedAt = changes.confirmedAt;
    if (changes.discardedAt !== undefined) set.discardedAt = changes.discardedAt;
    const [row] = await this.db.update(shiftNotes).set(set)
      .where(and(eq(shiftNotes.id, id), eq(shiftNotes.version, expectedVersion))).returning();
    return row ? toNote(row, this.box) : null;
  }

  async latestDraft(authorId: string): Promise<ShiftNote | null> {
    const [row] = await this.db.select().from(shiftNotes)
      .where(and(eq(shiftNotes.authorId, authorId), eq(shiftNotes.status, 'draft'), isNotNull(shiftNotes.draft)))
      .orderBy(desc(shiftNotes.receivedAt)).limit(1);
    return row ? toNote(row, this.box) : null;
  }

  async listByAuthor(authorId: string, fromDate: string, toDate: string): Promise<ShiftNote[]> {
    const rows = await this.db.select().from(shiftNotes)
      .where(and(eq(shiftNotes.authorId, authorId), gte(shiftNotes.shiftDate, fromDate), lte(shiftNotes.shiftDate, toDate)))
      .orderBy(desc(shiftNotes.receivedAt));
    return rows.map((r) => toNote(r, this.box));
  }

  async listUnfinished(olderThan: Date): Promise<ShiftNote[]> {
    const rows = await this.db.select().from(shiftNotes)
      .where(and(inArray(shiftNotes.status, ['received']), lt(shiftNotes.receivedAt, olderThan)));
    return rows.map((r) => toNote(r, this.box));
  }

  async insertConfirmedRecords(r: ConfirmedRecords): Promise<void> {
    const base = { noteId: r.noteId, date: r.date };
    const x = r.extraction;
    if (x.attendance.length) {
      await this.db.insert(attendance).values(x.attendance.map((a) => ({
        ...base, teamId: r.teamId, personId: a.person, status: a.status, excused: a.excused, minutes: a.minutes,
      })));
    }
    if (x.observations.length) {
      await this.db.insert(observations).values(x.observations.map((o) => ({
        ...base, personId: o.person, authorId: r.authorId, category: o.category, polarity: o.polarity,
        evidence: sensitivityOf(o.category) === 'team' ? o.evidence : seal(this.box, o.evidence, SEALED.observationEvidence),
        sensitivity: sensitivityOf(o.category),
      })));
    }
    if (x.production.length) {
      await this.db.insert(productionEntries).values(x.production.map((p) => ({
        ...base, teamId: r.teamId, activity: p.activity, quantity: p.quantity, unit: p.unit,
      })));
    }
    if (x.incidents.length) {
      await this.db.insert(incidents).values(x.incidents.map((i) => ({
        ...base, teamId: r.teamId, kind: i.kind, personIds: [...i.persons], evidence: i.evidence,
      })));
    }
    if (x.alerts.length) {
      await this.db.insert(alerts).values(x.alerts.map((a) => ({
        ...base, personId: a.person, topic: a.topic, evidence: seal(this.box, a.evidence, SEALED.alertEvidence), notifiedAt: new Date(),
      })));
    }
  }

  async acknowledgeAlerts(noteId: string, byPersonId: string): Promise<void> {
    await this.db.update(alerts).set({ status: 'acknowledged', acknowledgedBy: byPersonId, updatedAt: new Date() })
      .where(and(eq(alerts.noteId, noteId), eq(alerts.status, 'open')));
  }

  async findByEvent(platform: string, platformEventId: string): Promise<ShiftNote | null> {
    const [row] = await this.db.select().from(shiftNotes)
      .where(and(eq(shiftNotes.platform, platform), eq(shiftNotes.platformEventId, platformEventId)));
    return row ? toNote(row, this.box) : null;
  }

  async deleteRecordsOfNote(noteId: string): Promise<void> {
    for (const table of [attendance, observations, productionEntries, incidents, alerts]) {
      await this.db.delete(table).where(eq(table.noteId, noteId));
    }
  }
}
