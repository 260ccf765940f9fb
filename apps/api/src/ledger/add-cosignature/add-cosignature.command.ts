import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { validationError } from '@casework/kernel';
import { addCosignature, CosignatureRefused } from '@casework/ledger';
import { APP_CONFIG, PG_POOL, type AppConfig } from '@casework/platform';
import { LogKeys } from '../log-keys';

export interface AddedCosignature {
  size: number;
  witness: string;
  keyId: string;
  timestamp: number;
}

export class AddCosignatureCommand extends Command<AddedCosignature> {
  constructor(
    readonly size: number,
    readonly cosignature: string,
  ) {
    super();
  }
}

/**
 * Stores a witness's cosignature of a stored checkpoint. The witness is authenticated by its key:
 * the line must verify against a public key in LEDGER_WITNESS_KEYS, else a 400 naming the field.
 */
@CommandHandler(AddCosignatureCommand)
export class AddCosignatureHandler implements ICommandHandler<AddCosignatureCommand> {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: LogKeys,
  ) {}

  async execute({ size, cosignature }: AddCosignatureCommand): Promise<AddedCosignature> {
    try {
      const added = await addCosignature(
        this.pool,
        this.config.databaseSchema,
        size,
        cosignature,
        this.keys.witnesses(),
      );
      return { size, ...added };
    } catch (e) {
      if (e instanceof CosignatureRefused) throw validationError([{ field: e.field, reason: e.message }], e.message);
      throw e;
    }
  }
}
