import { validationError } from '@casework/kernel';
import { storedTreeSize, treeTables } from '@casework/ledger';
import type { Pool } from 'pg';

/** The size of the stored tree; a requested size beyond it is a 400 naming the field. */
export async function checkSizeWithinTree(pool: Pool, schema: string, field: string, size: number): Promise<void> {
  const stored = await storedTreeSize(pool, treeTables(schema));
  if (size > stored)
    throw validationError([
      { field, reason: `超过日志当前的大小 ${stored}。is larger than the log's current size ${stored}` },
    ]);
}
