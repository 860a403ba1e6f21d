import { formatDate } from '../../i18n/format.js';
import { EXIT } from '../cli-error.js';
import { line, type CliIo } from '../cli-io.js';
import { followupError, resolveActor } from '../cli-people.js';
import { withRelais } from '../with-relais.js';

/** `relais objectif "objectif pour Nadia : passer le code d'ici mars" --as demo-cip [--accord]`. */
export async function runObjectif(io: CliIo, text: string, options: { as: string; accord?: boolean; theme?: string }): Promise<number> {
  return withRelais(io, async (relais) => {
    const locale = relais.config.locale;
    const actor = await resolveActor(relais, io, options.as);
    const result = await relais.useCases.captureObjective({
      actor, text, consentGiven: options.accord === true, ...(options.theme === undefined ? {} : { theme: options.theme }),
    });
    if (!result.ok) throw followupError(io, result, String(result.details?.['name'] ?? ''));
    const { objective, personName, suggestedActions } = result.value;
    line(io.stdout, io.t('followup.objective.created', {
      name: personName, label: objective.label, theme: io.t(`progress.category.${objective.theme}`),
      due: objective.dueOn === null ? '' : io.t('followup.objective.due', { date: formatDate(objective.dueOn, locale) }),
    }));
    line(io.stdout, objective.consentAt === null ? io.t('followup.objective.no_consent')
      : io.t('followup.objective.consent', { date: formatDate(objective.consentAt.slice(0, 10), locale) }));
    if (suggestedActions.length > 0) line(io.stdout, io.t('followup.objective.suggestions', { actions: suggestedActions.join(' ; ') }));
    return EXIT.ok;
  });
}

/** `relais objectifs --as demo-cip [--jours 14]`: what is due, for reminders. */
export async function runObjectifs(io: CliIo, options: { as: string; jours?: string }): Promise<number> {
  const days = options.jours === undefined ? 14 : Math.max(0, Number.parseInt(options.jours, 10) || 0);
  return withRelais(io, async (relais) => {
    const actor = await resolveActor(relais, io, options.as);
    const result = await relais.useCases.listDueObjectives({ actor, withinDays: days });
    if (!result.ok) throw followupError(io, result, '');
    if (result.value.length === 0) line(io.stdout, io.t('followup.due.none', { days }));
    for (const o of result.value) {
      line(io.stdout, io.t('followup.due.line', {
        date: formatDate(o.dueOn, relais.config.locale), late: o.overdue ? io.t('followup.due.late') : '', name: o.personName, label: o.label, theme: io.t(`progress.category.${o.theme}`),
      }));
    }
    return EXIT.ok;
  });
}
