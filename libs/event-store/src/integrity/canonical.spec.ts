import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import {
  canonicalJson,
  chainHash,
  contentHash,
  contentHashPrefix,
  recordedEventContent,
  sha256Hex,
  ZERO_HASH,
} from './canonical';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives the same text for objects that differ only in key order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('leaves out undefined properties like JSON does and writes undefined array items as null', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
  });

  it('escapes strings as JSON does', () => {
    expect(canonicalJson({ 'k"ey': '街道\n"办"' })).toBe('{"k\\"ey":"街道\\n\\"办\\""}');
  });

  it('accepts plain objects made in another realm', () => {
    const foreign = runInNewContext('({ b: [1], a: { c: null } })');
    expect(canonicalJson(foreign)).toBe('{"a":{"c":null},"b":[1]}');
  });

  it.each([
    [
      'an instance of a class',
      {
        a: new (class Money {
          fen = 1;
        })(),
      },
    ],
    ['NaN', { a: NaN }],
    ['Infinity', { a: Infinity }],
    ['a bigint', { a: BigInt(1) }],
    ['a Date', { a: new Date(0) }],
    ['a function', { a: () => 1 }],
  ])('refuses %s', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});

describe('hashes', () => {
  const content = {
    streamId: 'case-1',
    version: 12,
    type: 'CaseOpened',
    schemaVersion: 2,
    data: { amountFen: 150000, name: '张三' },
    metadata: { eventId: 'e1', actor: { userId: 'u', role: 'caseworker', unit: 'street-1' }, schemaVersion: 2 },
  };

  it('ZERO_HASH is 64 zeros', () => {
    expect(ZERO_HASH).toMatch(/^0{64}$/);
  });

  it('contentHash is the sha-256 of the canonical content', () => {
    const expected = createHash('sha256').update(canonicalJson(content)).digest('hex');
    expect(contentHash(content)).toBe(expected);
    expect(contentHash({ ...content, data: { name: '张三', amountFen: 150000 } })).toBe(expected);
    expect(contentHash({ ...content, version: 13 })).not.toBe(expected);
  });

  it('contentHash ignores properties outside the content', () => {
    expect(contentHash({ ...content, hash: 'x' } as typeof content)).toBe(contentHash(content));
  });

  it('chainHash hashes the two hex strings concatenated', () => {
    const c = contentHash(content);
    expect(chainHash(ZERO_HASH, c)).toBe(
      createHash('sha256')
        .update(ZERO_HASH + c)
        .digest('hex'),
    );
    expect(chainHash(ZERO_HASH, c)).not.toBe(chainHash(c, ZERO_HASH));
  });

  it('contentHashPrefix + version + "}" hashes to contentHash', () => {
    const { version, ...rest } = content;
    expect(sha256Hex(contentHashPrefix(rest) + String(version) + '}')).toBe(contentHash(content));
  });

  it('recordedEventContent takes the schema version from the metadata', () => {
    const event = {
      streamId: 'case-1',
      version: 12,
      type: 'CaseOpened',
      data: content.data,
      metadata: content.metadata,
      hash: 'h',
    };
    expect(contentHash(recordedEventContent(event))).toBe(contentHash(content));
  });
});
