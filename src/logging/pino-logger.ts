import pino from 'pino';
import type { Logger } from '../core/ports/logger.js';

/**
 * Field names whose values never reach a log line, wherever they appear:
 * secrets, and anything that could carry a note or a person's name.
 */
export const REDACTED_KEYS = [
  'token', 'botToken', 'appToken', 'accessToken', 'refreshToken', 'password', 'secret', 'signingSecret',
  'clientSecret', 'apiKey', 'authorization', 'cookie', 'text', 'note', 'rawText', 'evidence', 'transcript',
  'name', 'firstName', 'lastName', 'email', 'phone', 'payload', 'body',
] as const;

const paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `headers.${k}`]);

export function createPinoLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  const base = pino(
    {
      level: options.level,
      base: { app: 'relais' },
      redact: { paths, censor: '[masqué]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ fd: 2, sync: false }),
  );
  return wrap(base);
}

function wrap(log: pino.Logger): Logger {
  return {
    debug: (fields, message) => log.debug(fields, message),
    info: (fields, message) => log.info(fields, message),
    warn: (fields, message) => log.warn(fields, message),
    error: (fields, message) => log.error(fields, message),
    child: (bindings) => wrap(log.child(bindings)),
  };
}
