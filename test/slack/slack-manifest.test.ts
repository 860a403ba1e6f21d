import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { OBSERVATION_SHORTCUT } from '../../src/platforms/slack/slack-message.js';
import { SLASH_COMMAND } from '../../src/platforms/slack/slack-app.js';
import { ASSISTANT_PROMPTS, expandPrompt, promptTitle } from '../../src/platforms/slack/slack-assistant.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { BOT_SCOPES } from '../../src/platforms/slack/slack-oauth.js';
import { root, sharedDir } from '../support/test-paths.js';

/** Slack's documented scope for each Web API method (methods that need none map to []). */
const METHOD_SCOPES: Readonly<Record<string, readonly string[]>> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'conversations.open': ['im:write'],
  'conversations.join': ['channels:join'],
  'users.info': ['users:read'],
  'files.info': ['files:read'],
  'views.open': [],
  'views.update': [],
  'views.publish': [],
  'oauth.v2.access': [],
  'assistant.threads.setSuggestedPrompts': ['assistant:write'],
  'assistant.threads.setStatus': ['assistant:write'],
  'assistant.threads.setTitle': ['assistant:write'],
};
/** Bolt's Assistant utilities and the Web API method each one calls. */
const ASSISTANT_UTILITIES: Readonly<Record<string, string>> = {
  setSuggestedPrompts: 'assistant.threads.setSuggestedPrompts',
  setStatus: 'assistant.threads.setStatus',
  setTitle: 'assistant.threads.setTitle',
};
/** The Assistant's listeners and the event each one answers. */
const ASSISTANT_LISTENERS: Readonly<Record<string, string>> = {
  threadStarted: 'assistant_thread_started',
  threadContextChanged: 'assistant_thread_context_changed',
  userMessage: 'message',
};
/** Scopes of the bot events, and what else needs a scope. */
const EVENT_SCOPES: Readonly<Record<string, readonly string[]>> = {
  'message.im': ['im:history'],
  'message.channels': ['channels:history'],
  app_mention: ['app_mentions:read'],
  app_home_opened: [],
  app_uninstalled: [],
  tokens_revoked: [],
  assistant_thread_started: ['assistant:write'],
  assistant_thread_context_changed: ['assistant:write'],
};

const manifest = JSON.parse(readFileSync(join(root, 'manifest', 'slack', 'manifest.json'), 'utf8')) as {
  features: { assistant_view?: { assistant_description: string; suggested_prompts: Array<{ title: string; message: string }> }; slash_commands: Array<{ command: string }>; shortcuts: Array<{ callback_id: string; type: string }>; app_home: { home_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; socket_mode_enabled: boolean; interactivity: { is_enabled: boolean } };
};
const sources = [
  ...readdirSync(join(root, 'src', 'platforms', 'slack')).map((f) => join(root, 'src', 'platforms', 'slack', f)),
  join(root, 'src', 'app', 'slack-root.ts'),
].filter((f) => f.endsWith('.ts')).map((f) => readFileSync(f, 'utf8')).join('\n');

describe('the Slack manifest (manifest/slack/manifest.json)', () => {
  it('asks for exactly the scopes of the API methods, events and features the code uses', () => {
    const methods = [...new Set([...sources.matchAll(/'((?:auth|chat|conversations|users|views|files|reactions|team|apps|oauth|assistant)\.[a-zA-Z.]+)'/g)].map((m) => m[1]!)
      // Bolt's Assistant utilities call the Web API for us.
      .concat(Object.entries(ASSISTANT_UTILITIES).filter(([u]) => new RegExp(`\\b${u}\\(`).test(sources)).map(([, m]) => m)))]
      .filter((m) => !/\.(com|net|org)$/.test(m)); // host names (files.slack.com) are not methods
    expect(methods).toEqual(expect.arrayContaining(['chat.postMessage', 'chat.update', 'views.open', 'views.update', 'users.info', 'conversations.open']));
    const unknown = methods.filter((m) => !(m in METHOD_SCOPES));
    expect(unknown).toEqual([]);
    const assistant = /new Assistant\(/.test(sources);
    // Listeners name one event (app.event('x', …)) or several (app.event(/^(x|y)$/, …)).
    const listened = [...sources.matchAll(/app\.event\('([a-z_]+)'/g)].map((m) => m[1]!)
      .concat([...sources.matchAll(/app\.event\(\/\^\(([a-z_|]+)\)\$\//g)].flatMap((m) => m[1]!.split('|')))
      .concat(assistant ? Object.entries(ASSISTANT_LISTENERS).filter(([l]) => new RegExp(`\\b${l}:`).test(sources)).map(([, e]) => e) : []);
    const events = manifest.settings.event_subscriptions.bot_events;
    // Every event subscribed is listened to, and every event listened to is subscribed (message → message.*).
    for (const e of events) expect(listened).toContain(e.startsWith('message.') ? 'message' : e);
    for (const l of listened) expect(events.some((e) => e === l || e.startsWith(`${l}.`))).toBe(true);

    const needed = new Set<string>([
      ...methods.flatMap((m) => METHOD_SCOPES[m]!),
      ...events.flatMap((e) => EVENT_SCOPES[e] ?? [`unknown-event:${e}`]),
      // E-mails in users.info (linking by e-mail), slash commands and shortcuts, private file downloads.
      ...(/profile\?\.email/.test(sources) ? ['users:read.email'] : []),
      ...(manifest.features.slash_commands.length || manifest.features.shortcuts.length ? ['commands'] : []),
      ...(/url_private/.test(sources) ? ['files:read'] : []),
    ]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('asks for the same bot scopes when installed through OAuth', () => {
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });

  it('declares what the code answers: /relais, the observation shortcut, App Home, interactivity, Socket Mode', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ callback_id: OBSERVATION_SHORTCUT, type: 'message' })]);
    expect(manifest.features.app_home.home_tab_enabled).toBe(/app_home_opened/.test(sources));
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('declares the assistant side panel with the prompts the door recognises, in French', () => {
    const t = createTranslator('fr');
    expect(manifest.features.assistant_view?.assistant_description).toMatch(/note de fin de journée/);
    expect(manifest.features.assistant_view?.suggested_prompts).toEqual(ASSISTANT_PROMPTS.map((p) => ({ title: promptTitle(p.key, t), message: promptTitle(p.key, t) })));
    expect(manifest.features.assistant_view?.suggested_prompts.map((p) => expandPrompt(p.message, t))).toEqual(['/relais note', '/relais séance', '/relais suivi']);
  });

  const schemaDir = join(sharedDir, 'fixtures', 'schemas');
  (existsSync(join(schemaDir, 'slack-manifest.schema.json')) ? it : it.skip)('is valid against Slack\'s official manifest schema', () => {
    const read = (f: string) => JSON.parse(readFileSync(join(schemaDir, f), 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema(read('slack-manifest.schema.1.0.0.json'), 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.1.0.0.json');
    ajv.addSchema(read('slack-manifest.schema.2.0.0.json'), 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.2.0.0.json');
    const validate = ajv.compile(read('slack-manifest.schema.json'));
    const valid = validate(manifest);
    if (!valid) throw new Error(JSON.stringify(validate.errors?.slice(0, 5), null, 1));
    // A broken manifest is refused (the check can fail).
    expect(validate({ ...manifest, features: { ...manifest.features, shortcuts: [{ name: 'Enregistrer comme observation', type: 'message', callback_id: 'x', description: 'x' }] } })).toBe(false);
  });
});
