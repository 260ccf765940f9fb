import { createHash } from 'node:crypto';

/**
 * Canonical JSON and the hashes of the event chain (DESIGN §4.7). They are part of the store's
 * contract: every adapter writes these hashes and libs/ledger (digests, verification, above the
 * store) recomputes them, so the rules below are the one definition:
 *
 * - canonicalJson: object keys sorted by UTF-16 code units, no whitespace, JSON types only.
 *   Object properties whose value is `undefined` are left out (as JSON.stringify and jsonb do);
 *   anything else that JSON cannot carry (NaN, Infinity, bigint, functions, Dates, class
 *   instances) is refused, so a hash never depends on a lossy conversion.
 * - contentHash: sha-256 hex of canonicalJson({ streamId, version, type, schemaVersion, data, metadata }).
 * - chainHash: sha-256 hex of the UTF-8 string prevHash + contentHash (two hex strings).
 */

export const ZERO_HASH = '0'.repeat(64);

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is ${value}, which JSON cannot carry`);
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((item, i) => (item === undefined ? 'null' : write(item, `${path}[${i}]`))).join(',')}]`;
      }
      // Plain objects of any realm (jest, worker threads): their prototype is some Object.prototype.
      const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
      if (proto !== null && Object.getPrototypeOf(proto) !== null) {
        throw new TypeError(
          `canonicalJson: ${path} is a ${proto.constructor?.name ?? 'non-plain object'}, only plain objects are allowed`,
        );
      }
      const record = value as Record<string, unknown>;
      const parts: string[] = [];
      for (const key of Object.keys(record).sort()) {
        const item = record[key];
        if (item === undefined) continue;
        parts.push(`${JSON.stringify(key)}:${write(item, `${path}.${key}`)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: ${path} is a ${typeof value}, which JSON cannot carry`);
  }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What an event's content hash covers. */
export interface EventContent {
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
}

export function contentHash(content: EventContent): string {
  return sha256Hex(canonicalJson(pickContent(content)));
}

export function chainHash(prevHash: string, contentHashHex: string): string {
  return sha256Hex(prevHash + contentHashHex);
}

/**
 * The content of a stored event as the hash covers it. Pass the event as stored (read with
 * `raw: true`): the schema version is the one in its metadata.
 */
export function recordedEventContent(event: {
  streamId: string;
  version: number;
  type: string;
  data: unknown;
  metadata: { schemaVersion: number };
}): EventContent {
  return {
    streamId: event.streamId,
    version: event.version,
    type: event.type,
    schemaVersion: event.metadata.schemaVersion,
    data: event.data,
    metadata: event.metadata,
  };
}

/**
 * canonicalJson of the content without its version, cut so that
 * `contentHash(content) === sha256Hex(prefix + String(version) + '}')`. `version` sorts last among
 * the content keys, which lets a store hash an event whose version it learns only at insert time
 * (the PostgreSQL adapter finishes the hash in SQL).
 */
export function contentHashPrefix(content: Omit<EventContent, 'version'>): string {
  const json = canonicalJson(pickContent({ ...content, version: 0 }));
  if (!json.endsWith(',"version":0}')) throw new Error('contentHashPrefix: version is not the last key');
  return json.slice(0, -'0}'.length);
}

function pickContent(c: EventContent): EventContent {
  return {
    streamId: c.streamId,
    version: c.version,
    type: c.type,
    schemaVersion: c.schemaVersion,
    data: c.data,
    metadata: c.metadata,
  };
}
