import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { describeKey, publicPart } from '@casework/ledger';
import { LogKeys } from '../log-keys';

export interface LedgerKeys {
  log: { name: string; keyId: string; publicKey: string };
  witnesses: Array<{ name: string; keyId: string; publicKey: string }>;
}

export class GetKeysQuery extends Query<LedgerKeys> {}

/** The log's public key and the witnesses' (base64 of the raw 32 bytes, key ID as C2SP's key hint). */
@QueryHandler(GetKeysQuery)
export class GetKeysHandler implements IQueryHandler<GetKeysQuery> {
  constructor(private readonly keys: LogKeys) {}

  async execute(): Promise<LedgerKeys> {
    return { log: describeKey(publicPart(this.keys.log())), witnesses: this.keys.witnesses().map(describeKey) };
  }
}
