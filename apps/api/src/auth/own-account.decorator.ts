import { SetMetadata } from '@nestjs/common';

export const OWN_ACCOUNT = 'casework:ownAccount';

/**
 * Marks a route about the caller's own session or password (sign-out, password change): open to
 * every role, inspectors included, and to a user who must change a one-time password first.
 */
export const OwnAccount = () => SetMetadata(OWN_ACCOUNT, true);
