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

  it('keeps a quantity tied to an activity without its unit, for Relais to ask which', async () => {
    const bare = async (note: string) => (await extract(note)).production.map((p) => `${p.activity} ${p.quantity} ${p.unit}`);
    expect(await bare('tout le monde là, 400 de tonte')).toEqual(['tonte 400 null']);
    expect(await bare('on a fait la tonte 400')).toEqual(['tonte 400 null']);
    expect(await bare('débroussaillage 250, tonte 300 m2')).toEqual(['débroussaillage 250 null', 'tonte 300 m2']);
    // Small numbers, times and repeats stay out.
    expect(await bare('tonte 2 fois, tonte à 9h, 3 de tonte')).toEqual([]);
  });

  it('does not count a part of a count again ("dont")', async () => {
    expect(await produced('54 colis préparés dont 9 colis frais, et 20 sacs triés')).toEqual(['20 piece', '54 piece']);
    expect(await produced('vidé la cave, dont 4 armoires')).toEqual(['4 piece']);
  });

  it('leaves out places, money, times, distances and durations', async () => {
    expect(await produced('On a nettoyé les deux halls. Vendu pour 30 € à 9h. Il habite à vingt bornes. La pierre est passée à un mètre. Pause pdt 1h. 4 jours par semaine. Parti 1h plus tôt.')).toEqual([]);
  });
});

describe('production phrasings across trades', () => {
  it.each([
    ['On a planté 300 bulbes et 40 arbustes', ['300 piece', '40 piece']],
    ['Ménage : 15 bureaux, 4 sanitaires, 250 m² de sols', ['15 piece', '4 piece', '250 m2']],
    ['Récolte du jour : 80 kilos de courgettes et une centaine de salades', ['80 kg', '100 piece']],
    ['Pose de 18 mètres linéaires de plinthes et peinture de 45 m2', ['18 m', '45 m2']],
    ['On a servi quatre-vingt-dix repas et préparé 30 sandwichs', ['90 piece', '30 piece']],
    ['Broyage : 8 stères de bois', ['8 m3']],
    ['Collecte : 2,5 t de DEEE, 14 meubles', ['2.5 t', '14 piece']],
    ['Tri de 1 500 livres', ['1500 piece']],
    ['Nettoyage de 3 km de berges', ['3000 m']],
    ['Arrosage : 600 litres', ['600 l']],
    ['Peinture de 12 portes et 6 fenêtres', ['12 piece', '6 piece']],
    ['On a fait 2 heures de désherbage', ['2 h']],
    ['Greg a 35 ans, il habite à 10 km, il gagne 900 euros', []],
    ['Chantier de 8h à 16h30 avec 6 salariés, pause de 30 minutes', []],
  ])('%s → %s', async (note, expected) => {
    const out = await extract(note);
    expect(out.production.filter((p) => p.quantity !== null).map((p) => `${p.quantity} ${p.unit}`).sort()).toEqual([...expected].sort());
  });

  it('reads « un / une » as 1 for an object that is the work done or one of a list of counts', async () => {
    const produced = async (note: string) => (await extract(note)).production.filter((p) => p.quantity !== null).map((p) => `${p.quantity} ${p.unit}`).sort();
    expect(await produced('Le matin on a chargé un camion de branchages.')).toEqual(['1 piece']);
    expect(await produced('Pierre a filmé une palette de parpaings avant midi.')).toEqual(['1 piece']);
    expect(await produced('On a vendu un canapé et deux lampes.')).toEqual(['1 piece', '2 piece']);
    expect(await produced('On a livré trois armoires, une commode et deux chaises.')).toEqual(['1 piece', '2 piece', '3 piece']);
    expect(await produced('Remontés de la cave : quatre tables et un buffet.')).toEqual(['1 piece', '4 piece']);
    expect(await produced('Rose a monte un lit superposé pour la boutique')).toEqual(['1 piece']);
    // An article is not a count: things seen, broken, bumped into, wanted, still to do.
    expect(await produced('Greg a cassé une chaise en la portant.')).toEqual([]);
    expect(await produced("J'ai vu une armoire dans la benne.")).toEqual([]);
    expect(await produced('Momo a bousculé un carton avec le chariot.')).toEqual([]);
    expect(await produced('Nadia a voulu porter un frigo toute seule.')).toEqual([]);
    expect(await produced('On a encore une palette à finir demain.')).toEqual([]);
    expect(await produced("Un camion nous a bloqués une heure devant l'entrepôt.")).toEqual([]);
  });

  it('leaves out a place after a preposition and a count of damage, and counts inventory references', async () => {
    const produced = async (note: string) => (await extract(note)).production.filter((p) => p.quantity !== null).map((p) => `${p.quantity} ${p.unit}`).sort();
    expect(await produced('On a posé les étagères dans les trois bureaux.')).toEqual([]);
    expect(await produced("On a lavé le linge de l'hôtel, deux pulls ont rétréci.")).toEqual([]);
    expect(await produced('On a repassé 40 chemises, trois se sont déchirées.')).toEqual(['40 piece']);
    expect(await produced('Inventaire de la réserve, on a compté et étiqueté 150 références.')).toEqual(['150 piece']);
  });

  it('counts « en » as the object named before it: « des cartons, j’en ai vidé douze »', async () => {
    const produced = async (note: string) => (await extract(note)).production.filter((p) => p.quantity !== null).map((p) => `${p.quantity} ${p.unit}`).sort();
    expect(await produced('Tri des cartons au dépôt, on en a vidé vingt-deux avant la pause.')).toEqual(['22 piece']);
    expect(await produced('Pour les colis du matin, Greg en a préparé 35.')).toEqual(['35 piece']);
    // Neither people nor what is left are output.
    expect(await produced('Des clients, on en a vu une trentaine.')).toEqual([]);
    expect(await produced('Des sacs, il en reste trois.')).toEqual([]);
  });

  it('counts hectares as square metres', async () => {
    const out = await extract('Fauche des prés : 2 hectares, et 1,5 ha de tonte');
    expect(out.production.filter((p) => p.quantity !== null).map((p) => `${p.quantity} ${p.unit}`).sort()).toEqual(['15000 m2', '20000 m2']);
  });
});
