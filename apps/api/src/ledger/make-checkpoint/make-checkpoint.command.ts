import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import type { Actor } from '@casework/domain';
import { DomainError } from '@casework/kernel';
import { cosignedNote, makeCheckpoint } from '@casework/ledger';
import { APP_CONFIG, CLOCK, PG_POOL, type AppConfig, type Clock } from '@casework/platform';
import { requireRole } from '../../shared/require-role';
import { LogKeys } from '../log-keys';

export interface MadeCheckpoint {
  size: number;
  created: boolean;
  checkpoint: string;
}

export class MakeCheckpointCommand extends Command<MadeCheckpoint> {
  constructor(readonly actor: Actor) {
    super();
  }
}

/** Signs a checkpoint of the tree as projected now (an inspector's request); the latest one if it has not grown. */
@CommandHandler(MakeCheckpointCommand)
export class MakeCheckpointHandler implements ICommandHandler<MakeCheckpointCommand> {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly keys: LogKeys,
  ) {}

  async execute({ actor }: MakeCheckpointCommand): Promise<MadeCheckpoint> {
    requireRole(actor, ['inspector'], 'CHECKPOINT_FORBIDDEN', 'Signing a checkpoint of the log');
    const made = await makeCheckpoint(this.pool, this.config.databaseSchema, this.keys.log(), this.clock.now());
    if (!made)
      throw new DomainError(
        'illegal_state',
        'LOG_EMPTY',
        '日志树还是空的（投影尚未处理任何事件），无法签署检查点。The tree is empty',
      );
    return { size: made.checkpoint.size, created: made.created, checkpoint: cosignedNote(made.checkpoint) };
  }
}
