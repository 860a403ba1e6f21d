import { Help, type Command } from 'commander';
import type { Translate } from '../i18n/translator.js';

const TITLES: ReadonlyArray<[RegExp, string]> = [
  [/^Usage:/m, 'cli.help.usage'],
  [/^Arguments:/m, 'cli.help.arguments'],
  [/^Options:/m, 'cli.help.options'],
  [/^Commands:/m, 'cli.help.commands'],
];

/** Commander prints English section titles; Relais users read French. */
export function localiseHelp(program: Command, t: Translate): void {
  const apply = (cmd: Command): void => {
    cmd.helpOption('-h, --help', t('cli.help.option'));
    cmd.helpCommand(false);
    cmd.configureHelp({
      formatHelp: (c, helper) => {
        let text = Help.prototype.formatHelp.call(helper, c, helper);
        for (const [pattern, key] of TITLES) text = text.replace(pattern, t(key));
        return text.replace(/\[command\]/g, `[${t('cli.help.command_word')}]`).replace(/\(default: /g, `(${t('cli.help.default')} `);
      },
    });
    for (const sub of cmd.commands) apply(sub);
  };
  apply(program);
}
