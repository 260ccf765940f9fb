import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import {
  fromBase64,
  parseCheckpoint,
  parseNote,
  readSigner,
  witnessCheckpoint,
  type NotePublicKey,
  type WitnessState,
} from '@casework/ledger';

/**
 * The witness (issue 8, item 6): run by an inspector on another machine with its own key and state.
 * It fetches the log's latest checkpoint and a consistency proof from the size it last cosigned,
 * lets witnessCheckpoint decide, writes the new state BEFORE it hands out the cosignature, then
 * posts the cosignature to the log. A rollback, a fork or a rewritten log is refused, with the
 * state unchanged and a non-zero exit.
 */

export interface WitnessOptions {
  /** The API's base URL, e.g. https://casework.example (the routes are under /api/ledger). */
  log: string;
  keyFile: string;
  stateFile: string;
  /** The witness's key name (as configured in the log's LEDGER_WITNESS_KEYS). */
  name: string;
  token?: string;
  /** The log's public key (base64), pinned; default: the one in the state file, or fetched on first use. */
  logKey?: string;
  now: () => number;
  fetch?: typeof fetch;
  out?: (line: string) => void;
}

/** The state file: what this witness last cosigned, and the log key it trusts. */
export interface WitnessStateFile extends WitnessState {
  logName: string;
  logKey: string;
}

export interface WitnessOutcome {
  exitCode: number;
  kind: 'cosigned' | 'unchanged' | 'refused' | 'error';
  message: string;
  size?: number;
}

export async function runWitness(options: WitnessOptions): Promise<WitnessOutcome> {
  const http = options.fetch ?? fetch;
  const say = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const base = options.log.replace(/\/+$/, '');
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  const get = async (path: string): Promise<Response> => {
    const res = await http(`${base}${path}`, { headers });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return res;
  };
  try {
    const witness = readSigner(options.keyFile, options.name, 'cosignature/v1');
    const saved = readState(options.stateFile);
    let logName = saved?.logName;
    let logKey = options.logKey ?? saved?.logKey;
    if (saved && options.logKey && options.logKey !== saved.logKey)
      return refused(say, '给定的日志公钥与状态文件中的不同。The given log key differs from the one in the state file');
    if (!logKey || !logName) {
      const keys = (await (await get('/api/ledger/keys')).json()) as { log: { name: string; publicKey: string } };
      if (logKey && keys.log.publicKey !== logKey)
        return refused(say, '日志提供的公钥与给定的不同。The log presents another public key than the given one');
      logKey = keys.log.publicKey;
      logName = keys.log.name;
    }
    const log: NotePublicKey = { name: logName, kind: 'ed25519', publicKey: fromBase64(logKey, 'the log key') };

    const note = await (await get('/api/ledger/checkpoint')).text();
    const size = parseCheckpoint(parseNote(note).body).size;
    const from = saved?.size ?? 0;
    const proof =
      saved && size > from
        ? (
            (await (await get(`/api/ledger/proofs/consistency?from=${from}&to=${size}`)).json()) as { proof: string[] }
          ).proof.map((p) => fromBase64(p, 'a proof hash'))
        : [];
    const state: WitnessState | null = saved
      ? { origin: saved.origin, size: saved.size, rootHash: saved.rootHash }
      : null;
    const decision = witnessCheckpoint({
      state,
      checkpoint: note,
      proof,
      log: { origin: logName, key: log },
      witness,
      now: options.now(),
    });
    if (!decision.ok) return refused(say, `${decision.message}. ${decision.messageEn}`);
    if (saved && decision.state.size === saved.size) {
      say(`大小 ${size} 已见证过，无需再次副署。Size ${size} was already cosigned`);
      return { exitCode: 0, kind: 'unchanged', message: 'already cosigned', size };
    }
    // The state first: a crash after this never lets the witness cosign a fork of what it saw.
    writeState(options.stateFile, { ...decision.state, logName, logKey });
    const res = await http(`${base}/api/ledger/cosignatures`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ size, cosignature: decision.cosignature }),
    });
    if (!res.ok) {
      const message = `副署已生成但日志拒绝接收：${res.status} ${await res.text()}. The log refused the cosignature`;
      say(message);
      return { exitCode: 1, kind: 'error', message, size };
    }
    const message = `已副署日志 ${logName} 大小为 ${size} 的检查点。Cosigned the checkpoint of ${logName} at size ${size}`;
    say(message);
    return { exitCode: 0, kind: 'cosigned', message, size };
  } catch (e) {
    const message = `见证失败 Witness failed: ${(e as Error).message}`;
    say(message);
    return { exitCode: 2, kind: 'error', message };
  }
}

function refused(say: (line: string) => void, message: string): WitnessOutcome {
  say(`拒绝副署 REFUSED: ${message}`);
  return { exitCode: 1, kind: 'refused', message };
}

export function readState(file: string): WitnessStateFile | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const state = JSON.parse(text) as WitnessStateFile;
  if (
    typeof state.origin !== 'string' ||
    !Number.isSafeInteger(state.size) ||
    typeof state.rootHash !== 'string' ||
    typeof state.logKey !== 'string' ||
    typeof state.logName !== 'string'
  )
    throw new Error(`the state file ${file} is not a witness state`);
  return state;
}

/** Written to a temporary file and renamed, so the state is the old one or the new one, never half. */
function writeState(file: string, state: WitnessStateFile): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}
