import fc from 'fast-check';
import { createTranslator } from '../../src/i18n/translator.js';
import { activitySchema } from '../../src/platforms/teams/teams-activity.js';
import { expandCommand } from '../../src/platforms/teams/teams-commands.js';
import { messageText, SELECT_INPUT_PREFIX, teamsEvent } from '../../src/platforms/teams/teams-message.js';
import { teamsActivities } from '../support/teams-activities.js';

const t = createTranslator('fr');
const a = teamsActivities({ serviceUrl: 'https://smba.trafficmanager.net/emea/', tenantId: 'tenant-1', appId: 'bot' });
const bruno = { aadObjectId: 'aad-bruno', memberId: '29:bruno', name: 'Bruno Carrel' };
const channel = { id: '19:abc@thread.tacv2', teamId: '19:team@thread.tacv2', name: 'Espaces verts' };
const parse = (x: unknown) => activitySchema.parse(x);

describe('Teams activity → Incoming', () => {
  it('strips only Relais\' own mention, keeps the names of others and decodes what Teams escapes', () => {
    const activity = parse({
      ...a.channelMention(bruno, channel, 'bravo <at>Lucas Morel</at> pour les EPI &amp; le rangement'),
      entities: [{ type: 'mention', text: '<at>Relais</at>', mentioned: a.bot }, { type: 'mention', text: '<at>Lucas Morel</at>', mentioned: { id: '29:lucas' } }],
    });
    expect(messageText(activity)).toBe('bravo Lucas Morel pour les EPI & le rangement');
  });

  it('makes the same activity id in two conversations two different events, and the same one the same', () => {
    const one = teamsEvent(parse(a.personalMessage(bruno, 'aide', '1571691217375')), t);
    const again = teamsEvent(parse(a.personalMessage(bruno, 'aide', '1571691217375')), t);
    const other = teamsEvent(parse(a.personalMessage({ ...bruno, memberId: '29:claire' }, 'aide', '1571691217375')), t);
    const id = (e: ReturnType<typeof teamsEvent>) => (e.kind === 'incoming' ? e.incoming.id : '');
    expect(id(one)).toBe(id(again));
    expect(id(one)).not.toBe(id(other));
  });

  it('reads card data: Action.Execute verb and value, form inputs, a select\'s choice; ignores data that is not ours', () => {
    const exec = teamsEvent(parse(a.execute(bruno, 'note.form', { value: 'n1:2', production: 'tonte : 450 m2', msteams: 'x' }, '1:1')), t);
    expect(exec).toMatchObject({ kind: 'incoming', invoke: true, incoming: { kind: 'action', action: 'note.form', value: 'n1:2', form: { production: 'tonte : 450 m2' } } });
    const select = teamsEvent(parse(a.execute(bruno, 'pick.team', { [`${SELECT_INPUT_PREFIX}pick.team`]: 'recyclerie' }, '1:1')), t);
    expect(select).toMatchObject({ incoming: { action: 'pick.team', value: 'recyclerie' } });
    expect(select.kind === 'incoming' && select.incoming.kind === 'action' && select.incoming.form).toBeFalsy();
    expect(teamsEvent(parse(a.submit(bruno, { action: 'rm -rf /', value: 'x' }, '1:1')), t).kind).toBe('ignored');
  });

  it('only Relais itself joining is an installation', () => {
    const [install, added] = a.installTeam(bruno, channel);
    expect(teamsEvent(parse(install), t).kind).toBe('installed');
    expect(teamsEvent(parse(added), t).kind).toBe('installed');
    expect(teamsEvent(parse({ ...added, membersAdded: [{ id: '29:someone' }] }), t).kind).toBe('ignored');
    expect(teamsEvent(parse({ ...install, action: 'remove' }), t).kind).toBe('ignored');
  });
});

describe('Teams menu commands', () => {
  it('turns a command title and what follows into the /relais command, keeping line breaks', () => {
    expect(expandCommand('Dicter ma note tout le monde là\nsauf Steph', t)).toEqual({ text: '/relais note tout le monde là\nsauf Steph', command: true });
    expect(expandCommand('aide', t)).toEqual({ text: '/relais aide', command: true });
    expect(expandCommand('Lier ce canal recyclerie', t)).toEqual({ text: '/relais équipe lier recyclerie', command: true });
    expect(expandCommand('/relais notes', t)).toEqual({ text: '/relais notes', command: true });
    expect(expandCommand('aidez Lucas demain', t)).toEqual({ text: 'aidez Lucas demain', command: false });
  });

  it('never loses a word: free text is unchanged, what follows a command title is kept whole', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => {
      const free = expandCommand(text, t);
      if (!free.command) expect(free.text).toBe(text);
      expect(expandCommand(`Dicter ma note ${text}`, t)).toEqual({ text: `/relais note ${text.trim()}`.trim(), command: true });
    }));
  });
});
