import type { AddressInfo } from 'node:net';
import { createHttpServer, type Route } from '../http/http-server.js';
import { healthRoutes } from '../http/health-routes.js';
import { createTranslator } from '../i18n/translator.js';
import type { Relais } from './composition-root.js';

export interface Serving {
  readonly url: string;
  readonly address: AddressInfo;
  readonly routes: readonly Route[];
}

/** Starts the one HTTP server with every door's routes; registers its shutdown. */
export async function serve(relais: Relais, extraRoutes: readonly Route[] = []): Promise<Serving> {
  const routes = [...healthRoutes(relais.database, () => relais.lifecycle.isStopping), ...relais.routes, ...extraRoutes];
  const t = createTranslator(relais.config.locale);
  const http = createHttpServer(routes, relais.logger.child({ component: 'http' }), {
    rateLimit: relais.config.http.rateLimit,
    ingress: relais.ingress,
    rateLimitedMessage: (seconds) => t('server.rate_limited', { seconds }),
  });
  const address = await http.listen(relais.config.http.host, relais.config.http.port);
  relais.lifecycle.onStop('http', () => http.close(relais.config.shutdownTimeoutMs));
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`, address, routes };
}
