import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Logger } from '../core/ports/logger.js';
import { clientAddress, RateLimiter, type RateLimitSettings } from './rate-limiter.js';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A route of the one shared HTTP server. `prefix` routes receive every path under them. */
export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE' | '*';
  readonly path: string;
  readonly prefix?: boolean;
  /** Not counted by the per-client rate limit (health probes). */
  readonly unlimited?: boolean;
  /** A platform waits for this answer (Slack, Teams, the playground's send): the background workers give way while it is in flight. */
  readonly acknowledges?: boolean;
  readonly handler: Handler;
}

export interface HttpServerOptions {
  readonly rateLimit?: RateLimitSettings;
  /** The text of a 429 answer (French by default in the app), with the seconds to wait. */
  readonly rateLimitedMessage?: (seconds: number) => string;
  /** Milliseconds clock of the rate limiter (tests). */
  readonly now?: () => number;
  /** Told when an acknowledging route starts and finishes answering (see `IngressGate`). */
  readonly ingress?: { enter(): () => void };
}

export interface HttpServer {
  listen(host: string, port: number): Promise<AddressInfo>;
  /** Stops accepting, lets in-flight requests finish, then cuts what is left at the deadline. */
  close(timeoutMs: number): Promise<void>;
  readonly server: Server;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function createHttpServer(routes: readonly Route[], logger: Logger, options: HttpServerOptions = {}): HttpServer {
  const sockets = new Set<Socket>();
  const limiter = new RateLimiter(options.rateLimit?.perMinute ?? 0, options.now);
  const trustProxy = options.rateLimit?.trustProxy ?? false;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://relais.local');
    const route = routes.find((r) => (r.method === '*' || r.method === req.method)
      && (r.prefix ? url.pathname === r.path || url.pathname.startsWith(`${r.path}/`) : url.pathname === r.path));
    if (limiter.enabled && route?.unlimited !== true) {
      // Counted before routing, so that probing unknown paths is limited too.
      const decision = limiter.take(clientAddress(req, trustProxy));
      if (!decision.allowed) {
        logger.warn({ route: route?.path ?? 'none', retryAfter: decision.retryAfterSeconds }, 'http.rate_limited');
        req.resume();
        res.setHeader('retry-after', String(decision.retryAfterSeconds));
        res.setHeader('cache-control', 'no-store');
        sendJson(res, 429, {
          error: 'rate_limited',
          retryAfterSeconds: decision.retryAfterSeconds,
          message: options.rateLimitedMessage?.(decision.retryAfterSeconds) ?? 'Too many requests',
        });
        return;
      }
    }
    if (!route) {
      const known = routes.some((r) => (r.prefix ? url.pathname.startsWith(r.path) : url.pathname === r.path));
      sendJson(res, known ? 405 : 404, { error: known ? 'method_not_allowed' : 'not_found' });
      return;
    }
    if (route.acknowledges && options.ingress) {
      const leave = options.ingress.enter();
      res.once('finish', leave);
      res.once('close', leave);
    }
    try {
      await route.handler(req, res);
    } catch (error) {
      // Never a stack trace in a response; the log line has no payload.
      logger.error({ route: route.path, err: error instanceof Error ? error.name : 'unknown' }, 'http.handler_failed');
      sendJson(res, 500, { error: 'internal_error' });
    }
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });
  return {
    server,
    listen: (host, port) => new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve(server.address() as AddressInfo);
      });
    }),
    close: (timeoutMs) => new Promise((resolve) => {
      if (!server.listening) {
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        for (const socket of sockets) socket.destroy();
      }, timeoutMs);
      timer.unref();
      server.close(() => {
        clearTimeout(timer);
        resolve();
      });
      server.closeIdleConnections();
    }),
  };
}
