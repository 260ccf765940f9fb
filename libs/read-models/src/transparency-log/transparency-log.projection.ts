import type { RecordedEvent } from '@casework/event-store';
import { appendLeaves } from '@casework/ledger';
import type { Projection, ProjectionContext } from '../runner/projection';

/**
 * The Merkle tree over the global order (issue 8): every event, in the order readAll gives, is the
 * next leaf. Built here, by a follower of the log, in the batch's transaction with the checkpoint,
 * so the tree never holds an event the runner has not passed, nor misses one it has. A rebuild
 * replays the same order and so gives the same tree (the same roots the stored checkpoints sign).
 */
export class TransparencyLogProjection implements Projection {
  readonly name = 'transparency-log';
  readonly tables = ['ledger_leaves', 'ledger_tree_nodes'] as const;

  handles(): boolean {
    return true;
  }

  async apply(batch: RecordedEvent[], ctx: ProjectionContext): Promise<void> {
    await appendLeaves(
      ctx.client,
      { leaves: ctx.table('ledger_leaves'), nodes: ctx.table('ledger_tree_nodes') },
      batch.map((e) => ({ eventId: e.metadata.eventId, streamId: e.streamId, version: e.version, hash: e.hash })),
    );
  }
}
