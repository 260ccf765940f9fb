import { readFileSync } from 'node:fs';
import { DEFAULT_LEDGER_LOG_NAME } from '@casework/platform';
import { describeKey, noteSigner, parsePrivateKey, writeNewKeyFile } from '@casework/ledger';
import type { CliCommand } from '../cli-command';

const USAGE = `usage:
  npm run cli -- keys generate --out <file> [--name <key name>] [--witness]
      writes a new Ed25519 private key (PKCS#8 PEM, mode 0600) for the log (LEDGER_KEY_FILE)
      or, with --witness, for a witness; prints its name, key id and public key
  npm run cli -- keys show --key <file> [--name <key name>] [--witness]
      prints the name, key id and public key of a key file`;

/**
 * Keys of the transparency log (issue 8): the log's signing key lives outside the database, in the
 * file LEDGER_KEY_FILE names. The key id is C2SP's key hint, which depends on the key's name: the
 * log's name is LEDGER_LOG_NAME (default casework.xincheng.example/ledger).
 */
export const keysCommand: CliCommand = {
  summary: 'generate or show a transparency-log or witness key (keys generate --out <file>)',
  needsDatabase: false,
  async run(_infra, args) {
    const [verb, ...rest] = args;
    const options = new Map<string, string>();
    let witness = false;
    for (let i = 0; i < rest.length; i++) {
      const flag = rest[i];
      if (flag === '--witness') witness = true;
      else if (flag?.startsWith('--') && rest[i + 1] !== undefined) options.set(flag.slice(2), rest[++i] ?? '');
      else {
        process.stderr.write(`${USAGE}\n`);
        return 2;
      }
    }
    const name =
      options.get('name') ?? (witness ? 'witness' : (process.env.LEDGER_LOG_NAME ?? DEFAULT_LEDGER_LOG_NAME));
    const file = verb === 'generate' ? options.get('out') : verb === 'show' ? options.get('key') : undefined;
    if (!file) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    if (verb === 'generate') {
      try {
        writeNewKeyFile(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
          process.stderr.write(`文件 ${file} 已存在，不会覆盖。${file} exists; not overwritten\n`);
          return 1;
        }
        throw e;
      }
    }
    const key = parsePrivateKey(readFileSync(file), file);
    const signer = noteSigner(name, key, witness ? 'cosignature/v1' : 'ed25519');
    const shown = describeKey(signer);
    process.stdout.write(
      `${verb === 'generate' ? `wrote ${file}\n` : ''}name:       ${shown.name}\nkey id:     ${shown.keyId}\npublic key: ${shown.publicKey}\n` +
        (witness
          ? `the log accepts its cosignatures with LEDGER_WITNESS_KEYS=${shown.name}=${shown.publicKey}\n`
          : `use it with LEDGER_KEY_FILE=${file}${name === DEFAULT_LEDGER_LOG_NAME ? '' : ` LEDGER_LOG_NAME=${name}`}\n`),
    );
    return 0;
  },
};
