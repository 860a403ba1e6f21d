import type { IncomingMessage, ServerResponse } from 'node:http';

/** Activities with HTML copies and card data stay well under this; anything bigger is refused. */
export const MAX_ACTIVITY_BYTES = 512 * 1024;

/** The request body as JSON; `too-large` and `invalid` are answered 413 and 400. */
export async function readBody(req: IncomingMessage): Promise<{ ok: true; json: unknown } | { ok: false; error: 'too-large' | 'invalid' }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_ACTIVITY_BYTES) return { ok: false, error: 'too-large' };
    chunks.push(chunk as Buffer);
  }
  try {
    return { ok: true, json: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks))) };
  } catch {
    return { ok: false, error: 'invalid' };
  }
}

export function reply(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status, { 'content-length': 0 });
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
