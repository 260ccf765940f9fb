import type { Actor } from '@casework/domain';

/** Claims of the bearer token: who the user is and the role and unit they act in. */
export interface AccessTokenClaims {
  sub: string;
  username: string;
  role: Actor['role'];
  unit: string;
  /** The server-side session the token belongs to (user_sessions.id): signing out ends it. */
  sid: string;
}

/** The request property the guard fills. */
export const ACTOR_KEY = 'actor';

/** The request property with the caller's session id; set by the guard. */
export const SESSION_KEY = 'sessionId';

export const USER_DIRECTORY = Symbol('USER_DIRECTORY');
export const SESSION_STORE = Symbol('SESSION_STORE');
export const ACCOUNT_EVENTS = Symbol('ACCOUNT_EVENTS');
export const USER_ADMINISTRATION = Symbol('USER_ADMINISTRATION');
