import type { Actor } from '@casework/domain';

/** Claims of the bearer token: who the user is and the role and unit they act in. */
export interface AccessTokenClaims {
  sub: string;
  username: string;
  role: Actor['role'];
  unit: string;
}

/** The request property the guard fills. */
export const ACTOR_KEY = 'actor';

export const USER_DIRECTORY = Symbol('USER_DIRECTORY');
