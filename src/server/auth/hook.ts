import type { FastifyInstance } from 'fastify';
import { can } from '../../domain/permissions';
import type { AppContext } from '../context';
import { forbidden, HttpError } from '../http/errors';
import { csrfMatches, SESSION_COOKIE } from './sessions';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * One onRequest hook for the whole API: 401 (no session) → 403 (CSRF, then role), all before the
 * body is read, so a caller without the right learns nothing from validation errors.
 */
export function installAuthHook(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('session', null);

  app.addHook('onRoute', (route) => {
    if (
      !route.url.startsWith('/api/') ||
      route.config?.public ||
      route.config?.permission ||
      route.config?.machine
    )
      return;
    if (route.url.startsWith('/api/docs')) return;
    throw new Error(`API route ${route.method} ${route.url} declares neither public nor permission`);
  });

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const config = request.routeOptions.config;
    if (config.public || config.machine || request.url.startsWith('/api/docs')) return;
    const sid = request.cookies[SESSION_COOKIE];
    const session = sid ? await ctx.sessions.resolve(sid) : null;
    if (!session) throw new HttpError(401, 'unauthenticated', 'Not signed in or the session has expired');
    request.session = session;
    // A session opened with a reset code can do one thing: choose the new password.
    if ((session.purpose === 'set_password') !== !!config.setPassword)
      throw forbidden(
        session.purpose === 'set_password'
          ? 'Set a new password first: this session may only call POST /api/auth/set-password'
          : 'Only a session opened with a one-time reset code sets a password here; use /api/auth/password',
        session.purpose === 'set_password' ? 'must_set_password' : 'not_a_reset_session',
      );
    if (
      !SAFE_METHODS.has(request.method) &&
      !csrfMatches(session.csrfToken, request.headers['x-csrf-token'] as string)
    )
      throw forbidden('Missing or wrong X-CSRF-Token header', 'csrf');
    const permission = config.permission;
    if (permission && !can(session.user, permission[1], permission[0])) throw forbidden();
  });
}
