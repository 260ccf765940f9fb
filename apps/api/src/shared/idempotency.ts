import { randomUUID } from 'node:crypto';
import { canonicalJson, sha256Hex } from '@casework/event-store';
import { DomainError } from '@casework/kernel';
import { nameBasedUuid } from './name-based-uuid';

/**
 * Retrying a command (DESIGN: every command can be retried). A command sent with an
 * `Idempotency-Key` gets a command id derived from who sent it, what it acts on and the key, and
 * carries the hash of its request: the same key with the same request is answered with the first
 * answer however far the stream has moved on; the same key with another command or body is a 409.
 */

/**
 * The command id of a command on an existing case or household: one per (user, target, key),
 * whatever the command, so one key sent with two different commands is a reuse, not two commands.
 * A new id when there is no key.
 */
export function commandIdFor(
  aggregate: 'case' | 'household',
  userId: string,
  targetId: string,
  key: string | null,
): string {
  return key ? nameBasedUuid(`${aggregate}-command`, userId, targetId, key) : randomUUID();
}

/** sha-256 of the command's name and its body in canonical JSON, as the client sent it. */
export function requestHashOf(command: string, body: unknown): string {
  // Through JSON first: a body is what JSON carried, whatever object a pipe made of it.
  const plain: unknown = JSON.parse(JSON.stringify({ command, body: body ?? null }));
  return sha256Hex(canonicalJson(plain));
}

/** 409: the key was used before for another request. */
export function idempotencyKeyReused(details: Record<string, unknown> = {}): DomainError {
  return new DomainError(
    'conflict',
    'IDEMPOTENCY_KEY_REUSED',
    '这个 Idempotency-Key 已用于另一个请求（命令或请求内容不同）；新的请求请使用新的 key。' +
      'This Idempotency-Key was already used for a different request; use a new key for a new request.',
    details,
  );
}
