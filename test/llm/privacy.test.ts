import fc from 'fast-check';
import { foldSameLength } from '../../src/llm/pseudonymizer.js';
import { roster } from '../extraction/helpers.js';
import { answer, OpenAiStandIn, type RecordedRequest } from '../support/openai-stand-in.js';
import { context, empty, llmExtractorFor, ph, sentNote } from './llm-harness.js';

/**
 * Every request that reaches the provider is intercepted (real HTTP): no
 * roster name or alias, phone number or e-mail address of the test data may
 * be in it, whatever the note says and however the model answers.
 */
const PHONES = ['06 12 34 56 78', '0612345678', '+33 7 11 22 33 44', '01.45.67.89.10'];
const EMAILS = ['pierre.gomez@example.org', 'rose_n@mail.example.fr'];
const ADDRESSES = ['14 rue des Lilas', '3 bis avenue Jean Jaurès'];
const NAMES = roster.flatMap((p) => [p.firstName, p.lastName, ...p.aliases]);

function leaks(request: RecordedRequest): string[] {
  const body = foldSameLength(request.raw);
  const found: string[] = [];
  for (const name of NAMES) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${foldSameLength(name)}(?![\\p{L}\\p{N}])`, 'u');
    if (re.test(body)) found.push(name);
  }
  for (const value of [...PHONES, ...EMAILS, ...ADDRESSES]) if (body.includes(foldSameLength(value))) found.push(value);
  const digits = request.raw.replace(/\D/g, '');
  for (const phone of PHONES) if (digits.includes(phone.replace(/\D/g, '').slice(-9))) found.push(phone);
  return found;
}

const server = new OpenAiStandIn(() => answer(empty));
beforeAll(async () => { await server.start(); });
afterAll(async () => { await server.stop(); });
afterEach(() => {
  for (const request of server.requests) expect(leaks(request)).toEqual([]);
  server.reset();
});

describe('privacy: what leaves the process', () => {
  it('carries no name, alias, phone, e-mail or address from a note full of them', async () => {
    const note = [
      'Grégory Martin et Greg (le même) ont tondu, MOMO aussi, mohamed slimani en cuisine avec Kenza Haddad.',
      `Pierre m'a laissé son numéro ${PHONES[0]} et son mail ${EMAILS[0]}, il habite ${ADDRESSES[0]}.`,
      `Rose (${PHONES[2]}, ${EMAILS[1]}) vit ${ADDRESSES[1]}. Appeler Isa au ${PHONES[3]} ou au ${PHONES[1]}.`,
      'Nadia Petit et Franck Meyer ont trié 300 kg. Laurent Besson a vu Agnès Dupuis.',
    ].join('\n');
    const h = llmExtractorFor(server);
    const result = await h.extractor.extract(note, context);
    expect(result.ok && result.value.engine).toBe('llm');
    expect(server.requests).toHaveLength(1);
  });

  it('withholds health and justice sentences by default, and sends them (still without names) when enabled', async () => {
    const note = "Nadia est en arrêt maladie. Pierre a rendez-vous chez le juge d'application des peines. Greg a bien travaillé.";
    await llmExtractorFor(server).extractor.extract(note, context);
    const withheld = sentNote(server.chatRequests[0]!);
    expect(withheld).not.toMatch(/maladie|juge/);
    expect(withheld).toContain(`${ph('greg')} a bien travaillé`);
    await llmExtractorFor(server, { sendSpecialCategories: true }).extractor.extract(note, context);
    expect(sentNote(server.chatRequests[1]!)).toMatch(/maladie/);
  });

  it('property: random notes made of names, contact details and filler never leak', async () => {
    const piece = fc.oneof(
      fc.constantFrom(...NAMES).map((n) => n.toUpperCase()),
      fc.constantFrom(...NAMES),
      fc.constantFrom(...NAMES).map((n) => n.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')),
      fc.constantFrom(...PHONES, ...EMAILS, ...ADDRESSES),
      fc.constantFrom(' a posé du placo', ' est en retard', ', ', '. ', ' et ', "\n", ' (tel ', ') ', ' habite au ', ' a mal au dos. '),
    );
    await fc.assert(fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 12 }), async (parts) => {
      const note = `${parts.join(' ')} fin de journée.`;
      server.reset();
      await llmExtractorFor(server).extractor.extract(note, context);
      for (const request of server.requests) {
        const found = leaks(request);
        if (found.length > 0) throw new Error(`leaked ${found.join(', ')} from: ${note}`);
      }
    }), { numRuns: 60 });
  });
});
