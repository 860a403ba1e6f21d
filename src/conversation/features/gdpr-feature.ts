import type { Actor } from '../../core/domain/actor.js';
import type { Person } from '../../core/domain/organisation.js';
import { matchPeople } from '../../core/domain/person-match.js';
import type { Reply } from '../../core/messages/reply.js';
import { textReply } from '../../core/messages/reply.js';
import { authorize } from '../../core/policy/authorize.js';
import type { DocumentLinks } from '../../core/ports/document-links.js';
import type { RosterStore } from '../../core/ports/roster-store.js';
import type { createErasePersonData } from '../../core/use-cases/erase-person-data/erase-person-data.js';
import type { Translate } from '../../i18n/translator.js';
import type { FeatureHandler, HandlerContext } from '../feature-handler.js';
import type { Intent } from '../intent/intent.js';

export interface GdprFeatureDeps {
  readonly t: Translate;
  readonly rosterStore: Pick<RosterStore, 'listPeople'>;
  readonly links: DocumentLinks;
  readonly erasePersonData: ReturnType<typeof createErasePersonData>;
}

type Command = 'export' | 'erase';

/** A download link for an export lives one hour (the export runs again, and is audited, at each download). */
const EXPORT_LINK_TTL_MS = 3_600_000;

/**
 * The rights of the people concerned in chat (issue #11), for the direction and the administrator:
 * `/relais rgpd export <personne>` answers privately with signed download links (JSON and PDF,
 * rendered and audited when opened); `/relais rgpd effacer <personne>` asks for a confirmation
 * button, then erases as `relais gdpr erase` does. Anyone else gets a polite refusal, checked by
 * the policy before any name is looked up.
 */
export function createGdprFeature(deps: GdprFeatureDeps): FeatureHandler {
  const { t } = deps;
  const name = (p: Pick<Person, 'firstName' | 'lastName'>) => `${p.firstName} ${p.lastName}`;

  /** The policy's answer for the structure as a whole (the use cases check the person again). */
  function allowed(actor: Actor, command: Command): boolean {
    return authorize(actor, command === 'export' ? 'read' : 'write', 'gdpr-export', {
      structureId: actor.structureId, teamId: null, referentCipId: null, sensitivity: 'special',
    }).ok;
  }

  async function people(actor: Actor): Promise<Person[]> {
    return (await deps.rosterStore.listPeople(actor.structureId)).filter((p) => p.status !== 'anonymised');
  }

  async function personById(actor: Actor, id: string): Promise<Person | undefined> {
    return (await people(actor)).find((p) => p.id === id);
  }

  const refuse = (ctx: HandlerContext, command: Command) => ctx.reply(textReply(t(`privacy.chat.denied.${command}`)), { private: true });

  async function exportLinks(ctx: HandlerContext, person: Person): Promise<void> {
    const link = (format: 'json' | 'pdf') => deps.links.linkFor({
      requesterId: ctx.actor.personId, personId: person.id, kind: 'gdpr', format, platform: ctx.incoming.user.platform, ttlMs: EXPORT_LINK_TTL_MS,
    });
    const pdf = link('pdf');
    const json = link('json');
    if (pdf === null || json === null) return ctx.reply(textReply(t('privacy.chat.export.no_links', { name: name(person) })), { private: true });
    const intro = t('privacy.chat.export.ready', { name: name(person) });
    return ctx.reply({
      text: intro,
      blocks: [
        { type: 'text', text: intro },
        { type: 'links', links: [{ label: t('privacy.chat.export.pdf'), url: pdf }, { label: t('privacy.chat.export.json'), url: json }] },
        { type: 'context', text: t('privacy.chat.export.expiry') },
      ],
    }, { private: true });
  }

  function askErase(ctx: HandlerContext, person: Person): Promise<void> {
    const question = t('privacy.chat.erase.confirm', { name: name(person) });
    const reply: Reply = {
      text: question,
      blocks: [
        { type: 'text', text: question },
        { type: 'context', text: t('privacy.chat.erase.warning') },
        {
          type: 'actions', elements: [
            { type: 'button', action: 'gdpr.erase.confirm', label: t('privacy.chat.erase.yes'), value: person.id, style: 'danger' },
            { type: 'button', action: 'gdpr.erase.cancel', label: t('privacy.chat.erase.no'), value: person.id },
          ],
        },
      ],
    };
    return ctx.reply(reply, { private: true });
  }

  async function proceed(ctx: HandlerContext, command: Command, person: Person): Promise<void> {
    return command === 'export' ? exportLinks(ctx, person) : askErase(ctx, person);
  }

  async function request(ctx: HandlerContext, command: Command, query: string): Promise<void> {
    if (!allowed(ctx.actor, command)) return refuse(ctx, command);
    const found = matchPeople(query, await people(ctx.actor));
    if (found.length === 0) return ctx.reply(textReply(t('privacy.error.person.not_found', { name: query })), { private: true });
    if (found.length > 1) {
      const text = t('privacy.chat.ambiguous', { name: query });
      return ctx.reply({
        text,
        blocks: [
          { type: 'text', text },
          { type: 'actions', elements: found.slice(0, 5).map((p) => ({ type: 'button' as const, action: `gdpr.${command}.choose`, label: name(p), value: p.id })) },
        ],
      }, { private: true });
    }
    return proceed(ctx, command, found[0]!);
  }

  async function erase(ctx: HandlerContext, personId: string): Promise<void> {
    if (!allowed(ctx.actor, 'erase')) return refuse(ctx, 'erase');
    const person = await personById(ctx.actor, personId);
    if (person === undefined) return ctx.reply(textReply(t('privacy.chat.erase.gone')), { private: true });
    const result = await deps.erasePersonData({ actor: ctx.actor, personId });
    if (!result.ok) return ctx.reply(textReply(t(`privacy.error.${result.code}`, { name: name(person) })), { private: true });
    const sum = (k: 'deleted' | 'anonymised' | 'retained') => result.value.tables.reduce((n, row) => n + row[k], 0);
    return ctx.reply(textReply(t('privacy.erase.done', { name: name(person), deleted: sum('deleted'), anonymised: sum('anonymised'), retained: sum('retained') })), { private: true });
  }

  return {
    intents: ['gdpr'],
    actionPrefixes: ['gdpr.'],
    async handleIntent(intent: Intent, ctx: HandlerContext) {
      if (intent.kind === 'gdpr') return request(ctx, intent.command, intent.text);
    },
    async handleAction(action, ctx) {
      const id = action.value;
      if (id === undefined || id === '') return;
      if (action.action === 'gdpr.erase.confirm') return erase(ctx, id);
      if (action.action === 'gdpr.erase.cancel') return ctx.reply(textReply(t('privacy.chat.erase.cancelled')), { private: true });
      const chosen = /^gdpr\.(export|erase)\.choose$/.exec(action.action);
      if (chosen) {
        const command = chosen[1] as Command;
        if (!allowed(ctx.actor, command)) return refuse(ctx, command);
        const person = await personById(ctx.actor, id);
        if (person === undefined) return ctx.reply(textReply(t('privacy.chat.erase.gone')), { private: true });
        return proceed(ctx, command, person);
      }
    },
  };
}
