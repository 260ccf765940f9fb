import { createHash } from 'node:crypto';

/**
 * The id of the index-th event appended by a command: a name-based UUID (RFC 9562 version 5
 * layout over sha-1) of the command id and the index. A retried command sends the same ids, which
 * lets EventStoreDB recognise the retry as the same write.
 */
export function commandEventId(commandId: string, index: number): string {
  const bytes = createHash('sha1').update(`casework-command:${commandId}:${index}`, 'utf8').digest().subarray(0, 16);
  // A SHA-1 digest is 20 bytes, so bytes 6 and 8 exist; readUInt8 says so without an assertion.
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
