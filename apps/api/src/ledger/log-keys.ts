import { Inject, Injectable } from '@nestjs/common';
import type { NotePublicKey, NoteSigner } from '@casework/ledger';
import { APP_CONFIG, type AppConfig } from '@casework/platform';
import { loadLogSigner } from '../../../worker/src/log-signer';

/** The log's key (LEDGER_KEY_FILE or DATA_DIR) and the witnesses' public keys (LEDGER_WITNESS_KEYS). */
@Injectable()
export class LogKeys {
  private signer: NoteSigner | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Loaded on first use (and generated into DATA_DIR the first time there is none). */
  log(): NoteSigner {
    this.signer ??= loadLogSigner(this.config);
    return this.signer;
  }

  witnesses(): NotePublicKey[] {
    return this.config.ledger.witnesses.map((w) => ({ name: w.name, kind: 'cosignature/v1', publicKey: w.publicKey }));
  }
}
