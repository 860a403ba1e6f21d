import fc from 'fast-check';
import { alerts, attendance, inbox, incidents, observations, outbox, playgroundMessages, productionEntries, shiftNotes } from '../../src/storage/schema/index.js';
import { createHarness, replyText } from '../support/relais-harness.js';
import { openTestPglite } from '../support/test-database.js';

/** Made-up words that can only reach the channel by leaking a confidential sentence. */
const CANARIES = ['zorglub', 'quetzalcoatl', 'wombatine', 'xylophagie'];
const who = ['Lucas', 'Inès', 'Mouss', 'Steph', 'Aïcha', 'Greg'];

const benign = fc.constantFrom(
  'tout le monde était là', '300 m2 de tonte au parc', 'une vingtaine de sacs de feuilles', 'Lucas a bien travaillé',
  'Inès a aidé Aïcha à porter les sacs', 'la tondeuse a encore lâché', 'Greg arrivé avec 10 min de retard', 'taille de haies 40 m',
);
const confidential = (name: string, canary: string) => fc.constantFrom(
  `${name} m'a dit qu'il dort dans sa voiture depuis le ${canary}`,
  `${name} a rendez-vous au tribunal pour son ${canary}`,
  `${name} a perdu 5 kg à cause de son ${canary}, il est suivi au CSAPA`,
  `${name} doit 300 euros à l'huissier du ${canary}`,
  `${name} m'a dit qu'elle a envie d'en finir avec le ${canary}`,
  `${name} sentait l'alcool ce matin avec son ${canary}`,
  `${name} n'a plus de titre de séjour depuis le ${canary} 12 jours`,
);

describe('team channel privacy with the real rules engine', () => {
  it('never lets a word of a frein, health, justice or alert sentence reach the channel', async () => {
    const db = await openTestPglite();
    const h = await createHarness(db);
    try {
      await fc.assert(fc.asyncProperty(
        fc.array(benign, { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.constantFrom(...who), fc.constantFrom(...CANARIES)).chain(([n, c]) => confidential(n, c)), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(', ', '. ', ' euh ', '\n'),
        fc.array(fc.constantFrom('confirm', 'remove-first', 'append'), { maxLength: 3 }),
        fc.boolean(),
        async (ok, secret, glue, actions, secretFirst) => {
          for (const table of [shiftNotes, attendance, observations, productionEntries, incidents, alerts, inbox, outbox, playgroundMessages]) await db.db.delete(table);
          const sentences = secretFirst ? [...secret, ...ok] : [...ok.slice(0, 1), ...secret, ...ok.slice(1)];
          await h.say('demo-eti-ev', sentences.join(glue));
          await h.drain();
          for (const action of actions) {
            const [note] = await db.db.select().from(shiftNotes);
            if (action === 'confirm') await h.click('demo-eti-ev', 'note.confirm', note!.id);
            if (action === 'remove-first') await h.say('demo-eti-ev', 'enlève la 1re observation');
            if (action === 'append') await h.say('demo-eti-ev', 'ajoute : 12 sacs de déchets verts');
            await h.drain();
          }
          const [note] = await db.db.select().from(shiftNotes);
          if (note?.status === 'draft') {
            await h.click('demo-eti-ev', 'note.confirm', note.id);
            await h.drain();
          }
          const channel = (await h.channel('espaces-verts')).map(replyText).join('\n').toLowerCase();
          expect(channel).toContain('fin de journée');
          for (const canary of CANARIES) expect(channel).not.toContain(canary);
        },
      ), { numRuns: 30 });
    } finally {
      await db.close();
    }
  }, 180_000);
});
