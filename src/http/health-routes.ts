import type { DatabaseHandle } from '../storage/database.js';
import { sendJson, type Route } from './http-server.js';

/** `/healthz`: the process answers. `/readyz`: the database answers and is migrated. */
export function healthRoutes(database: DatabaseHandle, isStopping: () => boolean): Route[] {
  return [
    { method: 'GET', path: '/healthz', unlimited: true, handler: (_req, res) => sendJson(res, 200, { status: 'ok' }) },
    {
      method: 'GET',
      path: '/readyz',
      unlimited: true,
      handler: async (_req, res) => {
        const state = await database.ready();
        const ready = state.reachable && state.migrated && !isStopping();
        sendJson(res, ready ? 200 : 503, {
          status: ready ? 'ready' : 'not_ready', database: database.kind, reachable: state.reachable, migrated: state.migrated,
        });
      },
    },
  ];
}
