import { parseNumberAt } from '../../src/extraction/quantities/french-numbers.js';
import { parseDurationAt, parseTimeAt } from '../../src/extraction/quantities/times.js';
import { tokenize } from '../../src/extraction/text/tokenize.js';
import { extract } from './helpers.js';

const words = (text: string) => tokenize(text).filter((t) => t.kind !== 'punct');

describe('numbers', () => {
  it.each([
    ['2 500', 2500], ['1,5', 1.5], ['deux cent cinquante', 250], ['quatre-vingts', 80], ['quatre vingt dix', 90],
    ['cent quatre-vingts', 180], ['six cent quarante', 640], ['quatre mille', 4000], ['dix-huit', 18],
    ['soixante et onze', 71], ['vingt et un', 21], ['une vingtaine', 20], ['une douzaine', 12], ['deux douzaines', 24],
    ['une cinquantaine', 50], ['une bonne dizaine', 10],
  ])('%s = %d', (text, value) => {
    expect(parseNumberAt(words(text), 0)?.value).toBe(value);
  });

  it('reads clock times and durations', () => {
    expect(parseTimeAt(words('9h15'), 0)?.minutes).toBe(555);
    expect(parseTimeAt(words('dix heures et demie'), 0)?.minutes).toBe(630);
    expect(parseDurationAt(words('20 min'), 0)?.minutes).toBe(20);
    expect(parseDurationAt(words('une demi-heure'), 0)?.minutes).toBe(30);
    expect(parseDurationAt(words('1h30'), 0)?.minutes).toBe(90);
  });
});

describe('production', () => {
  const produced = async (note: string): Promise<string[]> =>
    (await extract(note)).production.filter((p) => p.quantity !== null).map((p) => `${p.quantity} ${p.unit}`).sort();

  it('turns units and their French spellings into contract units', async () => {
    expect(await produced('tonte 2 500 m² et 3 mètres cubes de branches, 120 ml de haie, une tonne et demie de gravats, 40 litres')).toEqual([
      '1.5 t', '120 m', '2500 m2', '3 m3', '40 l',
    ]);
    expect(await produced('on a pesé six cent quarante kilos de textile et 95kg de jouets')).toEqual(['640 kg', '95 kg']);
    expect(await produced('récolté 1.200 kg de pommes de terre et fait 3h de désherbage')).toEqual(['1200 kg', '3 h']);
  });

  it('counts objects as pieces, words and approximations included', async () => {
    expect(await produced('une vingtaine de sacs, 6 cages d’escalier lavées, cent vingt repas et trois lave-linge réparés')).toEqual([
      '120 piece', '20 piece', '3 piece', '6 piece',
    ]);
  });

  it('leaves out places, money, times, distances and durations', async () => {
    expect(await produced('On a nettoyé les deux halls. Vendu pour 30 € à 9h. Il habite à vingt bornes. La pierre est passée à un mètre. Pause pdt 1h. 4 jours par semaine. Parti 1h plus tôt.')).toEqual([]);
  });
});
