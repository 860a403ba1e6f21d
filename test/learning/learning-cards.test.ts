import type { RosterEntry } from '../../src/core/domain/roster.js';
import type { StoredSession } from '../../src/core/ports/learning-store.js';
import { outcomeReply, sessionDraftReply, sessionForm, sessionScheduledReply } from '../../src/conversation/learning/session-presenter.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { FrenchOutcomeReader } from '../../src/language/french-outcome-reader.js';
import { RulesSessionPlanner } from '../../src/language/rules-session-planner.js';
import { FileSessionTemplates } from '../../src/language/session-template-files.js';
import { replyActivities, type OutgoingActivity } from '../../src/platforms/teams/teams-activities.js';
import { formCard } from '../../src/platforms/teams/teams-card.js';
import { projectPath } from '../../src/project-paths.js';
import { cardValidator, errorsOf, haveCardSchema, warnIfSchemasMissing } from '../support/teams-schemas.js';

warnIfSchemasMissing();
const t = createTranslator('fr');
const texts = { continued: t('teams.continued'), formTooLong: t('teams.form_too_long') };
const cardsOf = (activities: OutgoingActivity[]) => activities.flatMap((a) => (a.attachments ?? []).map((x) => x.content));
const team: RosterEntry[] = ['Karim', 'Sofiane', 'Lucas', 'Inès', 'Moussa', 'Aïcha'].map((n, i) => ({ id: `p${i}`, firstName: n, lastName: 'Test', aliases: [], team: 't', role: 'salarie' }));

const describeSchema = haveCardSchema ? describe : describe.skip;

describeSchema('learning-session replies as Teams cards (Adaptive Cards 1.5)', () => {
  it('renders every template’s draft, the scheduled fiche, the edit form and an outcome as valid cards', async () => {
    const templates = await new FileSessionTemplates([projectPath('session-templates')]).all();
    const planner = new RulesSessionPlanner({ all: async () => templates });
    for (const template of templates) {
      const planned = await planner.plan({
        text: `séance ${template.keywords[0]} pour toute l'équipe demain 3h, lecture difficile`, today: '2026-11-02', timezone: 'Europe/Paris',
        trade: template.trade, trainerName: 'Bruno Carrel', team, inProgress: [], incidents: [],
      });
      if (!planned.ok) throw new Error(`${template.id}: ${planned.code}`);
      const session: StoredSession = { id: 's1', teamId: 't', trainerId: 'e', topic: planned.value.topic, plan: planned.value.plan, status: 'draft', participantIds: team.map((p) => p.id), engine: `rules:${planned.value.templateId}` };
      const evaluation = await new FrenchOutcomeReader().read({
        text: 'Séance de jeudi : Karim a réussi seul, Sofiane doit revoir la technique, Lucas absent',
        participants: team.map((p) => ({ personId: p.id, name: `${p.firstName} Test`, firstName: p.firstName, aliases: [] })),
        criteria: planned.value.plan.criteria.map((c) => ({ skillKey: c.skillKey, skillLabel: c.skillKey, criterion: c.criterion })),
      });
      const replies = [sessionDraftReply(session, t, 'fr'), sessionScheduledReply(session, t, 'fr'), outcomeReply(session, { sessionId: 's1', date: '2026-11-05', participants: evaluation }, t, 'fr')];
      for (const content of [...replies.flatMap((r) => cardsOf(replyActivities(r, texts))), formCard(sessionForm(session, t))]) {
        if (!cardValidator()(content)) throw new Error(`${template.id}: ${errorsOf(cardValidator())}`);
      }
      const json = JSON.stringify(cardsOf(replyActivities(replies[0]!, texts)));
      expect(json).toContain('"verb":"session.confirm"');
      expect(json).toContain('"verb":"session.edit"');
    }
  });
});
