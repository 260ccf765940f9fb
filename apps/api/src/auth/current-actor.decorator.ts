import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Actor } from '@casework/domain';
import { ACTOR_KEY } from './auth.tokens';

/** The signed-in user as an Actor {userId, role, unit}; set by BearerAuthGuard. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<Record<string, unknown>>();
  const actor = req[ACTOR_KEY] as Actor | undefined;
  // The guard runs first on every non-public route; reaching here without an actor is a wiring bug.
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});
