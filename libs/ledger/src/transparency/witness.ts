import { verifyConsistency } from './merkle';
import {
  NoteFormatError,
  addSignatures,
  cosign,
  fromBase64,
  parseCheckpoint,
  parseNote,
  toBase64,
  verifyNote,
  type Checkpoint,
  type NotePublicKey,
  type NoteSigner,
} from './signed-note';

/**
 * What a witness decides when shown a new checkpoint (c2sp.org/tlog-witness, add-checkpoint),
 * without I/O or a clock: the witness process reads its state file, fetches the checkpoint and a
 * consistency proof from the size it last cosigned, calls `witnessCheckpoint`, and only on `ok`
 * writes the new state (before handing out the cosignature) and posts the cosignature back.
 *
 * A witness holds one state per log: the size and root it last cosigned. It cosigns only a
 * checkpoint the log key signed that extends that state, so a log that rewrote any event it had
 * already shown, even with every hash recomputed and signed with the real (stolen) log key, is
 * refused: no consistency proof leads from the witnessed root to the rewritten tree.
 */

export interface WitnessState {
  origin: string;
  size: number;
  /** Base64 of the 32-byte root, as in the checkpoint (the state file stays plain JSON). */
  rootHash: string;
}

export interface WitnessInput {
  /** What this witness last cosigned for the log; null before its first cosignature. */
  state: WitnessState | null;
  /** The signed checkpoint (note text) the log presents, possibly with other signatures. */
  checkpoint: string;
  /** Consistency proof from `state.size` (0 without a state) to the checkpoint's size. */
  proof: readonly Uint8Array[];
  /** The log this witness watches: its origin line and the public key it trusts for it. */
  log: { origin: string; key: NotePublicKey };
  /** The witness's own key (kind cosignature/v1). */
  witness: NoteSigner;
  /** The time of the cosignature, POSIX seconds. */
  now: number;
}

export type WitnessRefusalKind =
  /** Not a signed checkpoint. */
  | 'malformed'
  /** A checkpoint of another log. */
  | 'unknown_origin'
  /** The trusted log key did not sign it (or a signature by it does not verify). */
  | 'bad_signature'
  /** Smaller than the size already cosigned. */
  | 'rollback'
  /** Same size as cosigned, another root. */
  | 'fork'
  /** Larger, but the proof does not lead from the cosigned root to its root. */
  | 'inconsistent';

export interface WitnessRefusal {
  ok: false;
  kind: WitnessRefusalKind;
  /** The status c2sp.org/tlog-witness gives this refusal, for an HTTP front. */
  httpStatus: 400 | 403 | 404 | 409 | 422;
  message: string;
  messageEn: string;
  /** Unchanged: a refusal never moves the state. */
  state: WitnessState | null;
}

export interface WitnessCosignature {
  ok: true;
  /** The cosignature line (without newline) to hand back to the log. */
  cosignature: string;
  /** The presented note with the cosignature appended. */
  cosigned: string;
  checkpoint: Checkpoint;
  /** What to persist before answering. */
  state: WitnessState;
}

export type WitnessDecision = WitnessCosignature | WitnessRefusal;

export function witnessCheckpoint(input: WitnessInput): WitnessDecision {
  const { state, log } = input;
  if (state && state.origin !== log.origin) {
    throw new TypeError(`witnessCheckpoint: the state is for ${state.origin}, not ${log.origin}`);
  }
  const refuse = (kind: WitnessRefusalKind, message: string, messageEn: string): WitnessRefusal => ({
    ok: false,
    kind,
    httpStatus: HTTP_STATUS[kind],
    message,
    messageEn,
    state,
  });

  let checkpoint: Checkpoint;
  let verified: boolean;
  try {
    checkpoint = parseCheckpoint(parseNote(input.checkpoint).body);
    verified = checkpoint.origin === log.origin && verifyNote(input.checkpoint, [log.key]).ok;
  } catch (error) {
    if (!(error instanceof NoteFormatError)) throw error;
    return refuse('malformed', `检查点格式不正确：${error.message}`, `the checkpoint is malformed: ${error.message}`);
  }
  if (checkpoint.origin !== log.origin) {
    return refuse(
      'unknown_origin',
      `检查点来自未知的日志 ${checkpoint.origin}（本见证人只见证 ${log.origin}）`,
      `the checkpoint is from an unknown log ${checkpoint.origin} (this witness watches ${log.origin})`,
    );
  }
  if (!verified) {
    return refuse(
      'bad_signature',
      `检查点没有日志密钥 ${log.key.name} 的有效签名`,
      `the checkpoint carries no valid signature by the log key ${log.key.name}`,
    );
  }

  const size = checkpoint.size;
  if (state) {
    const witnessedRoot = fromBase64(state.rootHash, 'the witnessed root');
    if (size < state.size) {
      return refuse(
        'rollback',
        `回滚：检查点大小 ${size} 小于已见证的大小 ${state.size}`,
        `rollback: checkpoint size ${size} is smaller than the witnessed size ${state.size}`,
      );
    }
    if (size === state.size && toBase64(checkpoint.rootHash) !== state.rootHash) {
      return refuse(
        'fork',
        `分叉：大小 ${size} 的根哈希与已见证的不同`,
        `fork: the root hash at size ${size} differs from the witnessed one`,
      );
    }
    if (!verifyConsistency(state.size, size, witnessedRoot, checkpoint.rootHash, input.proof)) {
      return refuse(
        'inconsistent',
        `分叉：一致性证明不能从已见证的大小 ${state.size} 导出大小 ${size} 的根哈希，日志已被改写`,
        `fork: the consistency proof does not lead from the witnessed size ${state.size} to the root at size ${size}; the log was rewritten`,
      );
    }
  } else if (input.proof.length > 0) {
    return refuse(
      'inconsistent',
      '首次见证时一致性证明应为空（从大小 0 开始）',
      'the consistency proof must be empty for a first cosignature (from size 0)',
    );
  }

  const cosignature = cosign(parseNote(input.checkpoint).body, input.witness, input.now);
  return {
    ok: true,
    cosignature,
    cosigned: addSignatures(input.checkpoint, [cosignature]),
    checkpoint,
    state: { origin: log.origin, size, rootHash: toBase64(checkpoint.rootHash) },
  };
}

const HTTP_STATUS: Record<WitnessRefusalKind, WitnessRefusal['httpStatus']> = {
  malformed: 400,
  unknown_origin: 404,
  bad_signature: 403,
  rollback: 409,
  fork: 409,
  inconsistent: 422,
};
