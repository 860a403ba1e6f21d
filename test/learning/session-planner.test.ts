import { readdirSync, readFileSync } from 'node:fs';
import type { RosterEntry } from '../../src/core/domain/roster.js';
import { TRADES } from '../../src/core/domain/taxonomy.js';
import { scaleCycle } from '../../src/core/learning/plan-from-template.js';
import { sessionPlanSchema } from '../../src/core/learning/session-plan.js';
import { readSessionRequest } from '../../src/language/french-session-request.js';
import { RulesSessionPlanner } from '../../src/language/rules-session-planner.js';
import { FileSessionTemplates, parseTemplateFile } from '../../src/language/session-template-files.js';
import { projectPath } from '../../src/project-paths.js';

const folder = projectPath('session-templates');
const templates = new FileSessionTemplates([folder]);
const person = (id: string, firstName: string, lastName: string, aliases: string[] = []): RosterEntry => ({ id, firstName, lastName, aliases, team: 't1', role: 'salarie' });
const team = [person('k', 'Karim', 'Benali'), person('s', 'Sofiane', 'Haddad', ['Sof']), person('l', 'Lucas', 'Morel')];
const base = { today: '2026-11-02', timezone: 'Europe/Paris', trade: 'espaces_verts' as const, trainerName: 'Bruno Carrel', team, inProgress: [], incidents: [] };

describe('the séance template library', () => {
  it('has valid templates for every trade but « autre », two at least each', async () => {
    const files = readdirSync(folder).filter((n) => n.endsWith('.json'));
    const all = files.flatMap((n) => parseTemplateFile(n, readFileSync(`${folder}/${n}`, 'utf8')));
    for (const trade of TRADES.filter((t) => t !== 'autre')) expect(all.filter((t) => t.trade === trade).length).toBeGreaterThanOrEqual(2);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    expect((await templates.all()).length).toBe(all.length);
  });

  it('refuses a template whose shares do not add up or whose criteria target an unknown skill', () => {
    const file = JSON.parse(readFileSync(`${folder}/espaces-verts.json`, 'utf8')) as { templates: Array<Record<string, unknown>> };
    const broken = { templates: [{ ...file.templates[0], cycle: (file.templates[0]!.cycle as Array<Record<string, unknown>>).map((c) => ({ ...c, share: 10 })) }] };
    expect(() => parseTemplateFile('x.json', JSON.stringify(broken))).toThrow(/parts du cycle : 50 %/);
    const unknownSkill = { templates: [{ ...file.templates[0], criteria: [{ skillKey: 'nope', criterion: 'x', observation: 'y' }] }] };
    expect(() => parseTemplateFile('y.json', JSON.stringify(unknownSkill))).toThrow(/compétence inconnue : nope/);
  });

  it('scales every template to any duration from 15 minutes to a day, exactly and valid', async () => {
    for (const t of await templates.all()) {
      for (const minutes of [15, 20, 45, 60, 90, 95, 120, 180, 240]) {
        const steps = scaleCycle(t.cycle, minutes);
        expect(steps.reduce((s, x) => s + x.minutes, 0)).toBe(minutes);
        expect(steps.every((s) => s.minutes >= 5)).toBe(true);
        expect(steps[0]!.kind).toBe('demonstration');
        expect(steps.at(-1)!.kind).toBe('sequence_reflexive');
      }
    }
  });
});

describe('reading a séance request', () => {
  it('reads participants, a weekday and a duration', () => {
    const r = readSessionRequest('Prépare une séance sur la taille de haies pour Karim et Sofiane jeudi 1h30', { today: '2026-11-02', timezone: 'Europe/Paris', team });
    expect(r.participants.map((p) => p.id)).toEqual(['k', 's']);
    expect(r.date).toBe('2026-11-05');
    expect(r.durationMinutes).toBe(90);
    expect(r.startTime).toBeNull();
    expect(r.topic).toContain('taille haies');
  });

  it('tells a start time from a duration, reads minutes, aliases and the whole team', () => {
    const r = readSessionRequest('séance débroussaillage avec Sof le 12 novembre à 14h pendant 45 min', { today: '2026-11-02', timezone: 'Europe/Paris', team });
    expect(r).toMatchObject({ date: '2026-11-12', startTime: '14:00', durationMinutes: 45 });
    expect(r.participants.map((p) => p.id)).toEqual(['s']);
    expect(readSessionRequest('séance tonte pour toute l’équipe demain 2h', { today: '2026-11-02', timezone: 'Europe/Paris', team }))
      .toMatchObject({ date: '2026-11-03', durationMinutes: 120, everyone: true });
  });
});

describe('the rules planner', () => {
  const planner = new RulesSessionPlanner(templates);

  it('drafts a valid fiche de séance from the template matching the request', async () => {
    const result = await planner.plan({ ...base, text: 'Prépare une séance sur la taille de haies pour Karim et Sofiane jeudi 1h30' });
    if (!result.ok) throw new Error(result.code);
    const { plan } = result.value;
    expect(sessionPlanSchema.safeParse(plan).success).toBe(true);
    expect(result.value.templateId).toBe('ev-taille-haies');
    expect(plan.objective).toMatch(/^À l'issue de la séance, Karim et Sofiane seront capables de tailler une haie/);
    expect(plan.identification).toMatchObject({ date: '2026-11-05', durationMinutes: 90, trainer: 'Bruno Carrel', participants: [{ personId: 'k', name: 'Karim Benali' }, { personId: 's', name: 'Sofiane Haddad' }] });
    expect(plan.sequence.reduce((s, x) => s + x.minutes, 0)).toBe(90);
    expect(plan.situation.epi).toContain('Gants anti-coupure');
  });

  it('uses skills « en cours » of the participants and incidents on the task, and adapts without health details', async () => {
    const result = await planner.plan({
      ...base, text: 'séance taille de haies pour Karim jeudi, il lit difficilement',
      inProgress: [
        { personId: 'k', skillKey: 'ev-affutage', skillLabel: 'Entretenir et affûter les outils de coupe', date: '2026-10-20' },
        { personId: 'l', skillKey: 'ev-affutage', skillLabel: 'Entretenir et affûter les outils de coupe', date: '2026-10-20' },
        { personId: 'k', skillKey: null, skillLabel: 'Conduire le camion', date: '2026-10-21' },
      ],
      incidents: [{ date: '2026-10-15', evidence: 'coupure légère au taille-haie' }, { date: '2026-10-16', evidence: 'retard du camion' }],
    });
    if (!result.ok) throw new Error(result.code);
    expect(result.value.plan.context.inProgress).toEqual(["Karim — Entretenir et affûter les outils de coupe : en cours d'acquisition (20/10)"]);
    expect(result.value.plan.context.incidents).toEqual(['15/10 : coupure légère au taille-haie']);
    expect(result.value.plan.adaptations.map((a) => a.need)).toEqual(['lecture']);
  });

  it('says what is missing: nobody named, or no template for the topic', async () => {
    expect(await planner.plan({ ...base, text: 'prépare une séance taille de haies jeudi' })).toMatchObject({ ok: false, code: 'session.no_participant' });
    const none = await planner.plan({ ...base, text: 'prépare une séance de soudure pour Karim' });
    expect(none).toMatchObject({ ok: false, code: 'session.no_topic' });
    expect(!none.ok && String(none.details?.suggestions)).toContain('Taille de haies');
  });
});

describe('the plan schema', () => {
  it('refuses a health detail in an adaptation and a wrong objective', async () => {
    const result = await new RulesSessionPlanner(templates).plan({ ...base, text: 'séance taille de haies pour Karim jeudi' });
    if (!result.ok) throw new Error(result.code);
    const plan = result.value.plan;
    expect(sessionPlanSchema.safeParse({ ...plan, adaptations: [{ need: 'restriction_physique', text: 'hernie discale, pas de charges' }] }).success).toBe(false);
    expect(sessionPlanSchema.safeParse({ ...plan, objective: 'Tailler des haies' }).success).toBe(false);
    expect(sessionPlanSchema.safeParse({ ...plan, sequence: plan.sequence.slice(0, -1) }).success).toBe(false);
  });
});

describe("an ETI's own template folder", () => {
  it('adds and replaces templates by id, and skips an invalid file with a report', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const own = mkdtempSync(`${tmpdir()}/relais-templates-`);
    const curated = JSON.parse(readFileSync(`${folder}/espaces-verts.json`, 'utf8')) as { templates: Array<Record<string, unknown>> };
    writeFileSync(`${own}/ours.json`, JSON.stringify({ templates: [{ ...curated.templates[0], title: 'Taille de haies (notre version)' }, { ...curated.templates[1], id: 'ev-elagage', title: 'Élagage', keywords: ['elagage'] }] }));
    writeFileSync(`${own}/broken.json`, JSON.stringify({ templates: [{ id: 'x' }] }));
    const skipped: string[] = [];
    const all = await new FileSessionTemplates([folder, own], (file) => skipped.push(file)).all();
    expect(all.find((t) => t.id === 'ev-taille-haies')?.title).toBe('Taille de haies (notre version)');
    expect(all.some((t) => t.id === 'ev-elagage')).toBe(true);
    expect(skipped).toEqual([`${own}/broken.json`]);
  });
});
