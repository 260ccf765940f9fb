import { SetMetadata } from '@nestjs/common';

export const CHANGES_NOTHING = 'casework:changesNothing';

/** Marks a POST route that only reads (verifying the ledger): inspectors may call it. */
export const ChangesNothing = () => SetMetadata(CHANGES_NOTHING, true);
