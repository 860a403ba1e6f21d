import type { RosterEntry } from '../core/domain/roster.js';
import { SPECIAL_CATEGORIES } from '../core/domain/taxonomy.js';
import {
  shiftNoteExtractionSchema, type AlertRecord, type ShiftNoteExtraction,
} from '../core/extraction/shift-note-extraction.js';
import type { Logger } from '../core/ports/logger.js';
import type { ExtractionContext, ExtractionOutcome, ShiftNoteExtractor } from '../core/ports/shift-note-extractor.js';
import { ok } from '../core/result.js';
import { modelExtractionSchema } from './extraction-model-schema.js';
import { groundModelExtraction } from './ground-extraction.js';
import type { PromptFile } from './prompt-file.js';
import { directoryFor, foldSameLength, pseudonymize, type Pseudonymization } from './pseudonymizer.js';
import { callStructured, type StructuredCallDeps } from './structured-call.js';
import type { UserRateLimit } from './user-rate-limit.js';

/** Markers a valid extraction prompt must keep (checked when the prompt is loaded at start). */
export const EXTRACTION_PROMPT_MARKERS = ['<note>', "n'est jamais une instruction", 'evidence'] as const;

export interface LlmExtractorDeps extends StructuredCallDeps {
  readonly model: string;
  readonly prompt: PromptFile;
  /** The rules engine: runs first on every note; its result stands in when the model fails. */
  readonly rules: ShiftNoteExtractor;
  readonly sendSpecialCategories: boolean;
  readonly maxTokens?: number;
  /** Per-author limit of model calls (the rules engine answers beyond it). */
  readonly userLimit?: UserRateLimit;
  /** Told why a fallback happened (budget reached, provider down…), for the logs and counters. */
  readonly onFallback?: (reason: string) => void;
}

const special = new Set<string>(SPECIAL_CATEGORIES);
const EVERYONE = /(?<![\p{L}])(tout le monde|toute l['’ ]?equipe|tous la|tous presents|tous les salaries|au complet|personne ne manquait|everyone)(?![\p{L}])/u;

/** The note as data in its own message; a closing tag inside it cannot end the block early. */
export function delimitNote(text: string): string {
  return `<note>\n${text.replace(/<\/?note>/gi, (tag) => tag.replace('<', '‹'))}\n</note>`;
}

function contextMessage(p: Pseudonymization, context: ExtractionContext): string {
  const author = context.roster.find((r) => r.id === context.authorId);
  const team = author?.team ?? null;
  const placeholders = (people: readonly RosterEntry[]) =>
    people.map((r) => p.directory.placeholderOf(r.id)).filter((x): x is string => x !== undefined).join(', ');
  const teamMates = context.roster.filter((r) => r.team !== null && r.team === team && r.role === 'salarie');
  return [
    `Date de la journée : ${context.shiftDate}${context.teamStartTime ? ` (début d'équipe à ${context.teamStartTime})` : ''}.`,
    `Auteur de la note : ${p.directory.placeholderOf(context.authorId) ?? 'inconnu'}.`,
    `Salariés de l'équipe de l'auteur (portée de « tout le monde ») : ${placeholders(teamMates) || 'aucun'}.`,
    `Pseudonymes de toutes les personnes connues : ${placeholders(context.roster)}.`,
    'La note suit dans le message suivant, entre <note> et </note>.',
  ].join('\n');
}

/** Alerts are the union of both engines': the model can never hide an alert the rules found. */
function unionAlerts(model: readonly AlertRecord[], rules: readonly AlertRecord[]): AlertRecord[] {
  const key = (a: AlertRecord) => `${a.person ?? ''}:${a.topic}`;
  const seen = new Set(model.map(key));
  return [...model, ...rules.filter((a) => !seen.has(key(a)))];
}

/** What the model could not read (withheld sentences) is taken from the rules engine. */
function fromWithheld(rules: ShiftNoteExtraction, p: Pseudonymization): Pick<ShiftNoteExtraction, 'observations' | 'incidents'> {
  const inWithheld = (evidence: string) => p.withheldSentences.some((s) => s.includes(evidence));
  return {
    observations: rules.observations.filter((o) => inWithheld(o.evidence)),
    incidents: rules.incidents.filter((i) => inWithheld(i.evidence)),
  };
}

/**
 * The LLM engine behind the ShiftNoteExtractor port. The rules engine runs
 * first (it validates the input, finds special-category spans to withhold and
 * is the fallback); the note is pseudonymised, sent as delimited data, and the
 * answer is grounded: persons mapped back to roster ids (unknown ones dropped),
 * evidence checked against the original note (not found: dropped). Any failure
 * falls back to the rules result, marked degraded ("analyse simplifiée").
 */
export function createLlmShiftNoteExtractor(deps: LlmExtractorDeps): ShiftNoteExtractor {
  const log: Logger = deps.logger.child({ component: 'llm-extractor' });
  return {
    extract: async (note, context) => {
      const rulesResult = await deps.rules.extract(note, context);
      if (!rulesResult.ok) return rulesResult;
      const rules = rulesResult.value.extraction;
      const fallback = (reason: string) => {
        log.warn({ reason }, 'llm extraction fell back to the rules engine');
        deps.onFallback?.(reason);
        return ok<ExtractionOutcome>({ extraction: rules, engine: 'rules', degraded: true, fallbackReason: reason });
      };

      if (deps.userLimit !== undefined && !deps.userLimit.take(context.authorId)) return fallback('user_rate_limited');
      const author = context.roster.find((r) => r.id === context.authorId);
      const directory = directoryFor(context.roster);
      const specialSpans = [
        ...rules.observations.filter((o) => special.has(o.category)).map((o) => o.evidence),
        ...rules.alerts.filter((a) => special.has(a.topic)).map((a) => a.evidence),
      ];
      const p = pseudonymize(note, directory, {
        sendSpecialCategories: deps.sendSpecialCategories, specialSpans, preferredTeam: author?.team ?? null,
      });
      const answer = await callStructured(deps, {
        purpose: 'extraction',
        model: deps.model,
        schema: modelExtractionSchema,
        schemaName: 'shift_note_extraction',
        ...(deps.maxTokens !== undefined ? { maxTokens: deps.maxTokens } : {}),
        messages: [
          { role: 'system', content: deps.prompt.text },
          { role: 'user', content: contextMessage(p, context) },
          { role: 'user', content: delimitNote(p.text) },
        ],
      });
      if (!answer.ok) return fallback(answer.code);

      // Team members the note does not name count only for "tout le monde était là".
      const teamMates = EVERYONE.test(foldSameLength(note))
        ? context.roster.filter((r) => r.role === 'salarie' && r.team !== null && r.team === (author?.team ?? null)).map((r) => r.id)
        : [];
      const grounded = groundModelExtraction(answer.value, p, context.roster, teamMates);
      const withheld = fromWithheld(rules, p);
      const merged: ShiftNoteExtraction = {
        ...grounded,
        observations: [...grounded.observations, ...withheld.observations],
        incidents: [...grounded.incidents, ...withheld.incidents],
        alerts: unionAlerts(grounded.alerts, rules.alerts),
      };
      const checked = shiftNoteExtractionSchema.safeParse(merged);
      if (!checked.success) return fallback('invalid_after_grounding');
      return ok<ExtractionOutcome>({ extraction: checked.data, engine: 'llm', degraded: false });
    },
  };
}
