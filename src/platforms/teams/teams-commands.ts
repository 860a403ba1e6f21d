import { fold } from '../../conversation/intent/french-words.js';
import type { Translate } from '../../i18n/translator.js';

/**
 * The commands Teams shows (the manifest's command lists and prompt starters).
 * Picking one sends its title, maybe followed by words: they become the
 * `/relais …` command every door understands.
 */
export interface TeamsCommand {
  readonly key: 'note' | 'session' | 'summary' | 'help' | 'bind';
  readonly relais: string;
  readonly scopes: ReadonlyArray<'personal' | 'team' | 'groupChat'>;
}

export const TEAMS_COMMANDS: readonly TeamsCommand[] = [
  { key: 'note', relais: '/relais note', scopes: ['personal'] },
  { key: 'session', relais: '/relais séance', scopes: ['personal'] },
  { key: 'summary', relais: '/relais suivi', scopes: ['personal'] },
  { key: 'help', relais: '/relais aide', scopes: ['personal', 'team', 'groupChat'] },
  { key: 'bind', relais: '/relais équipe lier', scopes: ['team', 'groupChat'] },
];

export const commandTitle = (c: TeamsCommand, t: Translate): string => t(`teams.command.${c.key}.title`);
export const commandDescription = (c: TeamsCommand, t: Translate): string => t(`teams.command.${c.key}.description`);

/** "Dicter ma note tt le monde là…" → "/relais note tt le monde là…"; other texts unchanged. */
export function expandCommand(text: string, t: Translate): { text: string; command: boolean } {
  const folded = fold(text);
  for (const c of TEAMS_COMMANDS) {
    const title = fold(commandTitle(c, t));
    if (folded === title || folded.startsWith(`${title} `)) {
      // Keep the user's line breaks after the title: only its words are cut off.
      const head = new RegExp(`^\\s*(?:\\S+\\s+){${title.split(' ').length - 1}}\\S+`).exec(text)?.[0] ?? '';
      const rest = text.slice(head.length).trim();
      return { text: `${c.relais} ${rest}`.trim(), command: true };
    }
  }
  return { text, command: /^\/relais\b/i.test(text.trim()) };
}
