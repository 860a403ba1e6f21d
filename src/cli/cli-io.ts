import type { Translate } from '../i18n/translator.js';

/** What every command receives: the translator and the three streams. */
export interface CliIo {
  readonly t: Translate;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
  readonly isTty: boolean;
}

export const line = (stream: NodeJS.WritableStream, text: string): void => {
  stream.write(`${text}\n`);
};

export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
