import type { Translate } from '../../i18n/translator.js';
import { commandDescription, commandTitle, TEAMS_COMMANDS } from './teams-commands.js';

export const MANIFEST_SCHEMA_URL = 'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json';
export const ACCENT_COLOR = '#1F6F5C';

export interface ManifestInput {
  /** The bot's Microsoft app id (a GUID); also the Teams app id. */
  readonly appId: string;
  /** Relais' public https address: its host is the app's valid domain. */
  readonly publicUrl: string;
  /** The app version (semver), raised with every change of the manifest. */
  readonly version: string;
  readonly t: Translate;
}

/**
 * The Teams app manifest (schema v1.30): one bot in personal chats, teams
 * (standard, private and shared channels) and group chats, its French
 * commands, the two icons of the package.
 */
export function teamsManifest(input: ManifestInput): Record<string, unknown> {
  const { t } = input;
  const commands = (scope: 'personal' | 'team') => TEAMS_COMMANDS.filter((c) => c.scopes.includes(scope))
    .map((c) => ({ title: commandTitle(c, t), description: commandDescription(c, t) }));
  const site = input.publicUrl.replace(/\/+$/, '');
  return {
    $schema: MANIFEST_SCHEMA_URL,
    manifestVersion: '1.30',
    version: input.version,
    id: input.appId,
    localizationInfo: { defaultLanguageTag: 'fr-fr' },
    developer: { name: t('teams.manifest.developer'), websiteUrl: site, privacyUrl: site, termsOfUseUrl: site },
    name: { short: 'Relais', full: t('teams.manifest.name.full') },
    description: { short: t('teams.manifest.description.short'), full: t('teams.manifest.description.full') },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: ACCENT_COLOR,
    bots: [{
      botId: input.appId,
      scopes: ['personal', 'team', 'groupChat'],
      isNotificationOnly: false,
      supportsFiles: false,
      commandLists: [
        { scopes: ['personal'], commands: commands('personal') },
        { scopes: ['team', 'groupChat'], commands: commands('team') },
      ],
    }],
    supportedChannelTypes: ['sharedChannels', 'privateChannels'],
    defaultInstallScope: 'personal',
    validDomains: [new URL(site).host],
  };
}
