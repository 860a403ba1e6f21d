/**
 * Text for Slack: user words are never Slack syntax. `&`, `<` and `>` become
 * entities (so `<!channel>`, `<!here>`, `<@U…>` and links typed by a user stay
 * plain text) and the bare `@channel` / `@here` / `@everyone` keywords get an
 * invisible joiner so no client turns them into a broadcast.
 */
const BROADCAST = /@(channel|here|everyone)\b/gi;
// Control characters other than tab and line feed have no place in a message.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Relais' light markup (*bold*, _italic_, `code`, "> quote") is Slack mrkdwn already: only the user text is escaped. */
export function toMrkdwn(text: string): string {
  return text.replace(CONTROL, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(BROADCAST, '@\u2060$1');
}

/**
 * Plain-text objects (headers, buttons, labels) are not parsed by Slack, but
 * to be safe everywhere angle brackets become look-alike quotes, so no text
 * of ours ever holds `<!…>` or `<@…>`; markup characters and broadcasts go.
 */
export function toPlainText(text: string): string {
  return text.replace(CONTROL, '').replace(/\*([^*\n]+)\*/g, '$1').replace(/`([^`\n]+)`/g, '$1')
    .replace(/</g, '‹').replace(/>/g, '›').replace(BROADCAST, '@\u2060$1');
}

/** Cuts at `max` characters, ending with "…" when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Splits an escaped text into parts of at most `max` characters, at a line
 * break or a space when possible, never inside an entity (`&amp;`).
 */
export function splitMrkdwn(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) {
      cut = max;
      const amp = rest.lastIndexOf('&', cut);
      if (amp > cut - 6 && amp > 0) cut = amp;
    }
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}
