// The node:http server under Fastify: the raw fast paths of the two hottest public endpoints answer first, Fastify the rest.
import { createServer, type RequestListener, type Server } from 'node:http';
import { tryFastCollect, type FastCollectDeps } from './fast-collect.js';
import { tryFastRedirect, type FastRedirectDeps } from './fast-redirect.js';

export type FastPathDeps = FastRedirectDeps & FastCollectDeps;

/** A Fastify serverFactory: the fast paths first, Fastify for everything else. `deps` is set once services exist. */
export function fastPathServerFactory(getDeps: () => FastPathDeps | null) {
  return (handler: RequestListener): Server => createServer((req, res) => {
    const deps = getDeps();
    if (deps && (tryFastCollect(req, res, deps) || tryFastRedirect(req, res, deps))) return;
    handler(req, res);
  });
}
