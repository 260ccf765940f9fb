import { Logger } from '@nestjs/common';
import { describeKey, loadOrCreateLogSigner, LogKeyError, type NoteSigner } from '@casework/ledger';
import { ConfigError, type AppConfig } from '@casework/platform';

/**
 * The transparency log's signer for a process (the worker's checkpointer, the API's on-demand
 * checkpoints): LEDGER_KEY_FILE, else DATA_DIR/ledger-log-key.pem, generated (and logged) the first
 * time. A key file that cannot be read is a ConfigError naming LEDGER_KEY_FILE.
 */
export function loadLogSigner(config: Pick<AppConfig, 'ledger' | 'dataDir'>): NoteSigner {
  try {
    return loadOrCreateLogSigner(
      { keyFile: config.ledger.keyFile, dataDir: config.dataDir, name: config.ledger.logName },
      (file, signer) => {
        const key = describeKey(signer);
        new Logger('Ledger').warn(
          `已生成日志签名密钥 ${file}（密钥 ID ${key.keyId}，公钥 ${key.publicKey}）：生产环境请将其保存在别处并设置 LEDGER_KEY_FILE。` +
            ` Generated the log signing key ${file} (key id ${key.keyId}, public key ${key.publicKey}); in production keep it elsewhere and set LEDGER_KEY_FILE`,
        );
      },
    );
  } catch (e) {
    if (e instanceof LogKeyError) throw new ConfigError('LEDGER_KEY_FILE', e.message);
    throw e;
  }
}
