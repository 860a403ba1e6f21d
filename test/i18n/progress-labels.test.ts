import { NEED_THEMES } from '../../src/core/bilans/bilan.js';
import { FALLBACK_THEMES } from '../../src/core/objectives/carnet-referential.js';
import { OBSERVATION_EVOLUTIONS, SOURCE_TYPES, TRENDS } from '../../src/core/progress/progress-facts.js';
import {
  ACTION_STATUSES, ALERT_TOPICS, BILAN_KINDS, EXIT_CATEGORIES, INCIDENT_KINDS, OBJECTIVE_STATUSES, OBSERVATION_CATEGORIES, SKILL_DIMENSIONS, SKILL_LEVELS,
} from '../../src/core/domain/taxonomy.js';
import { catalog } from '../../src/i18n/catalog/index.js';

/** Documents build keys from codes (`progress.level.${level}`): every code of the taxonomy needs its label. */
describe('labels of summaries and bilans', () => {
  const families: Array<[string, readonly string[]]> = [
    ['progress.category', [...OBSERVATION_CATEGORIES, ...FALLBACK_THEMES, ...NEED_THEMES, ...ALERT_TOPICS]],
    ['progress.level', SKILL_LEVELS], ['progress.dimension', SKILL_DIMENSIONS], ['progress.trend', TRENDS],
    ['progress.evolution', OBSERVATION_EVOLUTIONS], ['progress.objective', OBJECTIVE_STATUSES], ['progress.action', ACTION_STATUSES],
    ['progress.incident', INCIDENT_KINDS], ['progress.alert', ['open', 'acknowledged', 'closed']],
    ['progress.situation', ['frein', 'atout', 'active', 'resolved', 'not_discussed']], ['progress.attendance', ['present', 'absent', 'late', 'left_early']],
    ['progress.own_words', ['observation', 'self_assessment', 'bilan']],
    ['doc.source', SOURCE_TYPES], ['doc.title', ['suivi', ...BILAN_KINDS]], ['doc.intro', ['suivi', ...BILAN_KINDS]], ['doc.need', NEED_THEMES], ['doc.exit', EXIT_CATEGORIES],
  ];
  it.each(['fr', 'en'] as const)('has every label in %s', (locale) => {
    const missing = families.flatMap(([prefix, codes]) => codes.map((c) => `${prefix}.${c}`)).filter((key) => catalog[locale][key] === undefined);
    expect(missing).toEqual([]);
  });
});
