import { createHash } from 'node:crypto';

/**
 * A UUID (version 8, RFC 9562 "custom") derived from its parts: the same parts always give the
 * same id. Used so a repeated `Idempotency-Key` from the same user names the same command and
 * the same case however many times it is sent.
 */
export function nameBasedUuid(...parts: string[]): string {
  const h = createHash('sha256')
    .update(parts.map((p) => `${p.length}:${p}`).join('|'))
    .digest();
  // A SHA-256 digest is 32 bytes, so bytes 6 and 8 exist; readUInt8 says so without an assertion.
  h.writeUInt8((h.readUInt8(6) & 0x0f) | 0x80, 6);
  h.writeUInt8((h.readUInt8(8) & 0x3f) | 0x80, 8);
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
