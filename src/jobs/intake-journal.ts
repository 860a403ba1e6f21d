import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** One event received by a door, as written to the journal before it is acknowledged. */
export interface JournalEntry {
  readonly id: string;
  readonly dedupeKey: string;
  readonly kind: string;
  readonly payload: Record<string, unknown>;
  /** ISO time of receipt: the inbox row's creation and availability time. */
  readonly receivedAt: string;
}

/**
 * An entry as written: the payload kept as the JSON text of the line, which is what the inbox
 * table stores (not serialised twice, and one flat string rather than an object graph to hold in
 * memory until the move).
 */
export interface WrittenEntry {
  readonly id: string;
  readonly dedupeKey: string;
  readonly kind: string;
  readonly payloadJson: string;
  readonly receivedAt: string;
}

const entrySchema = z.object({
  id: z.uuid(),
  dedupeKey: z.string().min(1),
  kind: z.string().min(1),
  payload: z.record(z.string(), z.unknown()),
  receivedAt: z.iso.datetime({ offset: true }),
});

/** What JSON.stringify writes for a NUL or an unpaired surrogate (and only for them). */
const UNSTORABLE = /\\u0000|\\ud[89a-f][0-9a-f]{2}/i;

const SEGMENT = /^intake-(\d{12})\.jsonl$/;
const segmentName = (seq: number): string => `intake-${String(seq).padStart(12, '0')}.jsonl`;

/**
 * PostgreSQL refuses NUL characters and unpaired surrogates in jsonb: they are
 * dropped (NUL) or replaced (U+FFFD) before the event is written, so that an
 * event once acknowledged can always be stored.
 */
const storable = (_key: string, value: unknown): unknown => (typeof value === 'string'
  ? value.replaceAll('\u0000', '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
  : value);

/**
 * The append-only files where the embedded (PGlite) install writes each event
 * before acknowledging it: one `write` of one line, which is in the operating
 * system's hands once it returns, so a killed process loses nothing (PGlite
 * itself runs with `fsync=off`: the same guarantee). Appending costs a few
 * microseconds where a PGlite insert costs half a millisecond of the one
 * thread that also answers Slack. The events are moved to the inbox table in
 * the background (`seal`, then `discard` once stored); whatever a crash left
 * behind is read back at the next start (`leftovers`).
 */
export class IntakeJournal {
  private fd: number | null = null;
  private current = '';
  private nextSeq: number;
  /** Closed segments whose events are not stored in the inbox table yet. */
  private sealed: string[] = [];

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.nextSeq = Math.max(0, ...this.segments().map((name) => Number(SEGMENT.exec(name)![1]))) + 1;
  }

  /**
   * Writes the entry as one line; when this returns, a crash of the process no longer loses it.
   * Returns the entry as written (cleaned of what PostgreSQL would refuse).
   */
  append(entry: JournalEntry): WrittenEntry {
    const head = { id: entry.id, dedupeKey: entry.dedupeKey, kind: entry.kind, receivedAt: entry.receivedAt };
    let headJson = JSON.stringify(head);
    let payloadJson = JSON.stringify(entry.payload);
    let written: WrittenEntry = { ...head, payloadJson };
    // JSON.stringify escapes NUL and unpaired surrogates, and only them, as \u0000 and \udXXX.
    if (UNSTORABLE.test(headJson) || UNSTORABLE.test(payloadJson)) {
      headJson = JSON.stringify(head, storable);
      payloadJson = JSON.stringify(entry.payload, storable);
      written = { ...(JSON.parse(headJson) as typeof head), payloadJson };
    }
    const line = Buffer.from(`${headJson.slice(0, -1)},"payload":${payloadJson}}\n`, 'utf8');
    if (this.fd === null) {
      this.current = join(this.dir, segmentName(this.nextSeq++));
      this.fd = openSync(this.current, 'a', 0o600);
    }
    try {
      for (let done = 0; done < line.length;) done += writeSync(this.fd, line, done);
    } catch (error) {
      // A partial line may be on disk: the next event starts a new segment rather than continue it.
      this.closeSegment();
      throw error;
    }
    return written;
  }

  /** Closes the segment being written: the events appended so far are all in the returned segments. */
  seal(): string[] {
    this.closeSegment();
    return this.sealed.splice(0);
  }

  /** Segments taken by `seal` whose events could not be stored: kept for the next attempt. */
  keep(segments: readonly string[]): void {
    this.sealed.unshift(...segments);
  }

  /** Deletes segments whose events are stored in the inbox table. */
  discard(segments: readonly string[]): void {
    for (const path of segments) {
      try {
        unlinkSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }

  /**
   * What an earlier run left (killed before moving its events): every entry of
   * every segment, oldest first. A torn line (the process died inside the write,
   * so that event was never acknowledged) is counted and skipped.
   */
  leftovers(): { entries: WrittenEntry[]; segments: string[]; torn: number } {
    const entries: WrittenEntry[] = [];
    const segments: string[] = [];
    let torn = 0;
    for (const name of this.segments()) {
      const path = join(this.dir, name);
      if (path === this.current && this.fd !== null) continue;
      segments.push(path);
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          torn++;
          continue;
        }
        const entry = entrySchema.safeParse(parsed);
        if (!entry.success) {
          torn++;
          continue;
        }
        const { payload, ...head } = entry.data;
        entries.push({ ...head, payloadJson: JSON.stringify(payload) });
      }
    }
    return { entries, segments, torn };
  }

  private closeSegment(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.sealed.push(this.current);
    this.fd = null;
  }

  private segments(): string[] {
    return readdirSync(this.dir).filter((name) => SEGMENT.test(name)).sort();
  }
}
