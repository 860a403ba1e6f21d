import type { Reply } from '../core/messages/reply.js';
import type { Translate } from '../i18n/translator.js';

export function helpReply(t: Translate, intro?: string): Reply {
  const lines = ['help.note', 'help.quick', 'help.correct', 'help.session', 'help.summary', 'help.objective', 'help.production', 'help.team', 'help.notes', 'help.link', 'help.gdpr'].map((k) => t(k));
  return {
    text: t('help.title'),
    blocks: [
      { type: 'header', text: t('help.title') },
      { type: 'text', text: intro ?? t('help.intro') },
      ...lines.map((text) => ({ type: 'text' as const, text })),
    ],
  };
}

export const plainReply = (text: string): Reply => ({ text, blocks: [{ type: 'text', text }] });

/** The one place where error codes become friendly French. */
export function errorReply(code: string, t: Translate, details?: Readonly<Record<string, unknown>>): Reply {
  const key = `error.${code}`;
  const params = Object.fromEntries(Object.entries(details ?? {}).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, string | number>;
  const text = t(key, params);
  return plainReply(text === key ? t('error.generic') : text);
}
