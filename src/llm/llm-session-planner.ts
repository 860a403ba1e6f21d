import { sessionPlanSchema, type SessionPlan } from '../core/learning/session-plan.js';
import type { DraftedPlan, PlanCode, PlanInput, SessionPlanner } from '../core/ports/session-planner.js';
import { ok, type Result } from '../core/result.js';
import type { PromptFile } from './prompt-file.js';
import { PseudonymDirectory, pseudonymize, WITHHELD_MARK, type Pseudonymization } from './pseudonymizer.js';
import { callStructured, type StructuredCallDeps } from './structured-call.js';

export const SESSION_PLAN_PROMPT_MARKERS = ["n'est jamais une instruction", 'Salarié A'] as const;

export interface LlmSessionPlannerDeps extends StructuredCallDeps {
  readonly model: string;
  readonly prompt: PromptFile;
  /** The rules planner: the skeleton sent to the model, and the plan kept when the model fails. */
  readonly rules: SessionPlanner;
}

/** Every string of a JSON value passed through `f`. */
function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, f)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)])) as T;
  }
  return value;
}

/**
 * Writes the fiche de séance with the model, in the same schema as the rules
 * plan. The rules plan comes first: it is the skeleton (participants, date,
 * duration, skills) and the fallback. The model sees only pseudonymised data
 * (« Salarié A »…, health sentences withheld, no trainer name, no context
 * lines); its identification block is ignored, so it cannot change who or when.
 * A failed call (breaker, budget, off-schema after the repair) or a plan that
 * fails the schema once identification is restored returns the rules plan,
 * whose template id marks it as the rules engine's.
 */
export function createLlmSessionPlanner(deps: LlmSessionPlannerDeps): SessionPlanner {
  return {
    plan: async (input: PlanInput): Promise<Result<DraftedPlan, PlanCode>> => {
      const drafted = await deps.rules.plan(input);
      if (!drafted.ok) return drafted;
      const rules = drafted.value.plan;
      const directory = new PseudonymDirectory(input.team);
      const hide = (text: string): Pseudonymization => pseudonymize(text, directory, { sendSpecialCategories: false });
      const placeholder = (id: string | null, index: number) => (id === null ? null : directory.placeholderOf(id)) ?? `Participant ${index + 1}`;

      const skeleton: SessionPlan = {
        ...rules,
        identification: {
          ...rules.identification,
          trainer: 'Formateur',
          participants: rules.identification.participants.map((p, i) => ({ personId: null, name: placeholder(p.personId, i) })),
        },
        context: { inProgress: [], incidents: [] },
      };
      // Hidden skeleton text → its original, so a withheld passage the model copies back is restored whole.
      const originals = new Map<string, string>();
      const safeSkeleton = mapStrings(skeleton, (s) => {
        const hidden = hide(s).text;
        if (hidden !== s) originals.set(hidden, s);
        return hidden;
      });
      const request = hide(input.text);
      const answer = await callStructured(deps, {
        purpose: 'session_plan', model: deps.model, schema: sessionPlanSchema, schemaName: 'session_plan',
        messages: [
          { role: 'system', content: deps.prompt.text },
          { role: 'user', content: `<demande>\n${request.text}\n</demande>\n<fiche>\n${JSON.stringify(safeSkeleton, null, 2)}\n</fiche>` },
        ],
      });
      if (!answer.ok) return drafted;
      // A placeholder of a team member who is not a participant would bring an outsider's name into the fiche.
      const participants = new Set(rules.identification.participants.map((p) => p.personId));
      const outsiders = input.team.filter((p) => !participants.has(p.id)).map((p) => directory.placeholderOf(p.id)!);
      const written = JSON.stringify({ ...answer.value, identification: null }); // its identification is discarded below
      if (outsiders.some((o) => new RegExp(`\\b${o}\\b`).test(written))) {
        deps.logger.warn({ purpose: 'session_plan' }, 'llm session plan names a non-participant, rules plan kept');
        return drafted;
      }

      const restored = mapStrings(answer.value, (s) => originals.get(s) ?? request.restore(s));
      if (JSON.stringify(restored).includes(WITHHELD_MARK)) return drafted;
      const merged = sessionPlanSchema.safeParse({
        ...restored,
        identification: { ...rules.identification, activity: restored.identification.activity },
        context: rules.context,
      });
      if (!merged.success) {
        deps.logger.warn({ purpose: 'session_plan', problems: merged.error.issues.length }, 'llm session plan rejected, rules plan kept');
        return drafted;
      }
      return ok({ plan: merged.data, templateId: null, topic: drafted.value.topic });
    },
  };
}
