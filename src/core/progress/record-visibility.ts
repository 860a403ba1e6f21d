import type { Actor } from '../domain/actor.js';
import { isFrein, SENSITIVITIES, sensitivityOf, type Sensitivity } from '../domain/sensitivity.js';
import { OBSERVATION_CATEGORIES, SPECIAL_CATEGORIES, type ObservationCategory } from '../domain/taxonomy.js';
import { authorize, type Resource } from '../policy/authorize.js';
import type { PathRecords, PersonContext } from '../ports/progress-store.js';

const special = new Set<string>(SPECIAL_CATEGORIES);
const categories = new Set<string>(OBSERVATION_CATEGORIES);

/** A theme's sensitivity: health and justice are special, other freins restricted, the rest (emploi…) team. */
export function themeSensitivity(theme: string): Sensitivity {
  return categories.has(theme) ? sensitivityOf(theme as ObservationCategory) : 'team';
}

/** Situations are confidential whatever their theme: at least restricted. */
export const situationSensitivity = (theme: string): Sensitivity => (special.has(theme) ? 'special' : 'restricted');

/** Alerts carry confidential evidence: special for health and justice, restricted otherwise. */
export const alertSensitivity = (topic: string): Sensitivity => (special.has(topic) ? 'special' : 'restricted');

/** Observations store their sensitivity; an unknown value is treated as the strictest. */
export function observationSensitivity(stored: string, category: string): Sensitivity {
  if ((SENSITIVITIES as readonly string[]).includes(stored)) {
    // The category decides too: a frein mislabelled `team` must not reach an encadrant.
    const byCategory = categories.has(category) ? sensitivityOf(category as ObservationCategory) : 'team';
    return rank(stored as Sensitivity) >= rank(byCategory) ? stored as Sensitivity : byCategory;
  }
  return isFrein(category) ? themeSensitivity(category) : 'special';
}

const rank = (s: Sensitivity): number => SENSITIVITIES.indexOf(s);

/** Keeps only the records the actor may read, asking the one policy for each. */
export function visibleRecords(actor: Actor, context: PersonContext, records: PathRecords): { records: PathRecords; withheld: boolean } {
  const { person } = context;
  let withheld = false;
  const may = (resource: Resource, sensitivity: Sensitivity, authorId: string | null): boolean => {
    const allowed = authorize(actor, 'read', resource, {
      structureId: person.structureId, teamId: person.teamId, referentCipId: person.referentCipId, authorId, sensitivity,
    }).ok;
    if (!allowed) withheld = true;
    return allowed;
  };
  const visible: PathRecords = {
    attendanceMonths: may('attendance', 'team', null) ? records.attendanceMonths : [],
    attendanceExceptions: records.attendanceExceptions.filter((r) => may('attendance', 'team', r.authorId)),
    observations: records.observations.filter((r) => may('observation', observationSensitivity(r.sensitivity, r.category), r.authorId)),
    skillEvaluations: records.skillEvaluations.filter((r) => may('skill-evaluation', 'team', r.authorId)),
    situations: records.situations.filter((r) => may('situation', situationSensitivity(r.theme), r.authorId)),
    objectives: records.objectives.filter((r) => may('objective', themeSensitivity(r.theme), r.authorId)),
    incidents: records.incidents.filter((r) => may('incident', 'team', r.authorId)),
    alerts: records.alerts.filter((r) => may('alert', alertSensitivity(r.topic), r.authorId)),
    bilans: records.bilans.filter((r) => may('bilan', 'restricted', r.authorId)),
  };
  return { records: visible, withheld };
}
