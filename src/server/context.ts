import type { Action, Resource } from '../domain/permissions';
import type { Actor } from '../domain/roles';
import type { AuditLog } from './audit/log';
import type { SessionInfo, Sessions } from './auth/sessions';
import type { CalendarCache } from './calendar/repository';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Database } from './db/client';
import type { SecretBox } from './machine/secrets';

/** Everything a route plugin needs, passed explicitly instead of global singletons. */
export interface AppContext {
  config: Config;
  database: Database;
  clock: Clock;
  audit: AuditLog;
  sessions: Sessions;
  secrets: SecretBox;
  calendars: CalendarCache;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** No session needed (login, health, docs). Every other /api route needs a session. */
    public?: boolean;
    /** The role check, run before the body is parsed so a 403 wins over a 400. */
    permission?: [Resource, Action];
    /** Signed machine API: which institution kind may call it. */
    machine?: 'bank' | 'police' | 'treasury';
    /** The one route a session opened with a one-time reset code may call (setting the password). */
    setPassword?: boolean;
  }
  interface FastifyRequest {
    session: SessionInfo | null;
    institution: Institution | null;
    rawBody: string | null;
  }
}

/** The authenticated caller of a machine API. */
export interface Institution {
  keyId: string;
  kind: 'bank' | 'police' | 'treasury';
  bankId: string | null;
}

/** The signed-in user; routes that reach a handler always have one unless declared public. */
export function actorOf(request: { session: SessionInfo | null }): Actor & { displayName: string } {
  if (!request.session) throw new Error('route without a session reached an authenticated handler');
  return request.session.user;
}
