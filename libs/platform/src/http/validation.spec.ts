import { DomainError } from '@casework/kernel';
import { IsString } from 'class-validator';
import { MAX_INPUT_DEPTH, checkUntrustedInput, createValidationPipe, dateOutOfRange } from './validation';

class NameDto {
  @IsString()
  name: string;
}

const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1) });

describe('checkUntrustedInput', () => {
  it('names the field that holds a NUL character, in nested objects and arrays', () => {
    expect(checkUntrustedInput({ members: [{ name: 'ok' }, { name: 'a\u0000b' }] })).toEqual([
      { field: 'members[1].name', reason: expect.stringContaining('NUL') },
    ]);
    expect(checkUntrustedInput('x\u0000', 'village')).toEqual([
      { field: 'village', reason: expect.stringContaining('NUL') },
    ]);
    expect(checkUntrustedInput({ facts: { 'k\u0000': 1 } })).toEqual([
      { field: 'facts.k\\u0000', reason: expect.stringContaining('NUL') },
    ]);
  });

  it('refuses nesting deeper than the limit, naming where it got too deep, and accepts the limit itself', () => {
    expect(checkUntrustedInput({ surprise: nested(MAX_INPUT_DEPTH + 5) })).toEqual([
      { field: expect.stringMatching(/^surprise(\.a)+$/), reason: expect.stringContaining('nested too deeply') },
    ]);
    expect(checkUntrustedInput(nested(MAX_INPUT_DEPTH - 1))).toEqual([]);
    expect(checkUntrustedInput({ deep: JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`) })).toHaveLength(1);
  });

  it('accepts ordinary input, including unicode', () => {
    expect(checkUntrustedInput({ name: '𠮷野家\u202e', list: [1, null, true, { note: '' }] })).toEqual([]);
  });
});

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();

  it('rejects a NUL character in a DTO body, a query parameter and an untyped body, naming the field', async () => {
    const body = pipe.transform({ name: 'a\u0000' }, { type: 'body', metatype: NameDto });
    await expect(body).rejects.toBeInstanceOf(DomainError);
    await expect(body).rejects.toMatchObject({ details: { errors: [{ field: 'name' }] } });
    await expect(pipe.transform('x\u0000', { type: 'query', data: 'village', metatype: String })).rejects.toMatchObject(
      { details: { errors: [{ field: 'village' }] } },
    );
    await expect(pipe.transform({ findings: 'a\u0000' }, { type: 'body', metatype: Object })).rejects.toMatchObject({
      details: { errors: [{ field: 'findings' }] },
    });
  });

  it('still validates DTOs as before', async () => {
    await expect(pipe.transform({ name: 3 }, { type: 'body', metatype: NameDto })).rejects.toMatchObject({
      details: { errors: [{ field: 'name' }] },
    });
    await expect(pipe.transform({ name: 'ok' }, { type: 'body', metatype: NameDto })).resolves.toEqual({ name: 'ok' });
  });
});

describe('checkUntrustedInput: dates and control characters', () => {
  it('refuses dates outside 1900–2100 anywhere in the input, naming the field', () => {
    for (const d of ['0000-01-01', '1899-12-31', '2101-01-01', '10000-01-01', '+002020-01-01', '0000-01-01T00:00:00Z'])
      expect(checkUntrustedInput({ period: { from: d } })).toEqual([
        { field: 'period.from', reason: expect.stringContaining('1900-01-01 and 2100-12-31') },
      ]);
    expect(checkUntrustedInput('0000-01-01', 'on')).toEqual([{ field: 'on', reason: expect.any(String) }]);
    for (const d of ['1900-01-01', '2020-11-16', '2100-12-31', '2020-11-16T08:00:00Z', 'not a date', '20200101'])
      expect(checkUntrustedInput({ d })).toEqual([]);
    expect(dateOutOfRange('2020-02-30')).toBeNull();
  });

  it('refuses control characters; body text may keep tab and line breaks, query values may not', () => {
    for (const c of ['\u0001', '\u001b', '\u007f', '\u0085'])
      expect(checkUntrustedInput({ note: `a${c}b` }, '', { lineBreaks: true })).toEqual([
        { field: 'note', reason: expect.stringContaining('control characters') },
      ]);
    expect(checkUntrustedInput({ note: 'line 1\r\nline 2\tend' }, '', { lineBreaks: true })).toEqual([]);
    for (const c of ['\r', '\n', '\t'])
      expect(checkUntrustedInput(`why${c}x`, 'reason')).toEqual([
        { field: 'reason', reason: expect.stringContaining('control characters') },
      ]);
  });
});
