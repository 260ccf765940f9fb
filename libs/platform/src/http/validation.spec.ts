import { DomainError } from '@casework/kernel';
import { IsString } from 'class-validator';
import { MAX_INPUT_DEPTH, checkUntrustedInput, createValidationPipe } from './validation';

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
