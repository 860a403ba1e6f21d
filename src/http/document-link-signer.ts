import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { DocumentLinkRequest, DocumentLinks } from '../core/ports/document-links.js';
import type { Clock } from '../core/ports/clock.js';

const claimsSchema = z.object({
  r: z.string(), p: z.string(), k: z.string(), f: z.enum(['pdf', 'markdown', 'json', 'chart-attendance', 'chart-skills']),
  a: z.string().optional(), b: z.string().optional(), e: z.number().int(), d: z.string(),
});
export type DocumentClaims = z.infer<typeof claimsSchema>;

/** Where documents are served on the one HTTP server. */
export const DOCUMENTS_PATH = '/documents/';

/**
 * HMAC-SHA256 signed, expiring links: the token names the requester, the
 * salarié and the document; the server checks the signature, then asks the use
 * case again as that requester, so a link never grants more than its holder's
 * rights and nothing is stored. Without a configured key, a key per process
 * (links die with a restart).
 */
export class DocumentLinkSigner implements DocumentLinks {
  private readonly key: Buffer;

  constructor(private readonly options: { secret: string | undefined; publicUrl: string | undefined; clock: Clock; ttlMs?: number }) {
    this.key = options.secret === undefined ? randomBytes(32) : createHmac('sha256', 'relais/document-links').update(options.secret).digest();
  }

  linkFor(request: DocumentLinkRequest): string | null {
    const base = this.options.publicUrl?.replace(/\/+$/, '') ?? (request.platform === 'playground' ? '' : null);
    if (base === null) return null;
    const claims: DocumentClaims = {
      r: request.requesterId, p: request.personId, k: request.kind, f: request.format,
      ...(request.from ? { a: request.from } : {}), ...(request.to ? { b: request.to } : {}),
      e: this.options.clock.now().getTime() + (request.ttlMs ?? this.options.ttlMs ?? 24 * 3_600_000), d: request.platform,
    };
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${base}${DOCUMENTS_PATH}${body}.${this.sign(body)}`;
  }

  /** The claims of a valid, unexpired token; null otherwise. */
  verify(token: string): DocumentClaims | null {
    const [body, signature, extra] = token.split('.');
    if (body === undefined || signature === undefined || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    const claims = claimsSchema.safeParse(parsed);
    if (!claims.success || claims.data.e < this.options.clock.now().getTime()) return null;
    return claims.data;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
