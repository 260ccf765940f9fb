import { checkBodyFields, type BodyFieldSpec } from './body-fields';

const SPECS: BodyFieldSpec[] = [
  { name: 'note', type: 'string', required: true, maxLength: 5 },
  { name: 'kind', type: 'string', required: false, maxLength: 10, enum: ['a', 'b'] },
  { name: 'amountFen', type: 'integer', required: false, min: 1, max: 100 },
  { name: 'on', type: 'date', required: false },
  { name: 'urgent', type: 'boolean', required: false },
  {
    name: 'who',
    type: 'object',
    required: false,
    fields: [{ name: 'name', type: 'string', required: true, maxLength: 20 }],
  },
  { name: 'facts', type: 'object', required: false },
  {
    name: 'items',
    type: 'array',
    required: false,
    nonEmpty: true,
    fields: [{ name: 'id', type: 'string', required: true, maxLength: 8 }],
  },
];

describe('checkBodyFields', () => {
  it('accepts a body that fits, ignoring null optional fields and free-form objects', () => {
    expect(
      checkBodyFields(SPECS, {
        note: 'ok',
        kind: 'a',
        amountFen: 5,
        on: '2020-02-29',
        urgent: false,
        who: { name: 'x' },
        facts: { any: [1] },
        items: [{ id: 'm1' }],
        on2: undefined,
      }),
    ).toEqual([{ field: 'on2', reason: 'is not a known field' }]);
    expect(checkBodyFields(SPECS, { note: 'ok', kind: null })).toEqual([]);
  });

  it('names each problem by its path, in plain words', () => {
    expect(
      checkBodyFields(SPECS, {
        note: '  ',
        kind: 'c',
        amountFen: 1.5,
        on: '2021-02-29',
        urgent: 'yes',
        who: { name: 1, extra: 1 },
        items: [{ id: 'toolong-id' }, 'x'],
        surprise: 1,
      }),
    ).toEqual([
      { field: 'surprise', reason: 'is not a known field' },
      { field: 'note', reason: 'must not be blank' },
      { field: 'kind', reason: 'must be one of: a, b' },
      { field: 'amountFen', reason: 'must be a whole number' },
      { field: 'on', reason: 'must be a date written YYYY-MM-DD' },
      { field: 'urgent', reason: 'must be true or false' },
      { field: 'who.extra', reason: 'is not a known field' },
      { field: 'who.name', reason: 'must be text' },
      { field: 'items[0].id', reason: 'must be at most 8 characters' },
      { field: 'items[1]', reason: 'must be an object' },
    ]);
  });

  it('checks ranges, lengths, empty lists and missing required fields', () => {
    expect(checkBodyFields(SPECS, { amountFen: 0, items: [] })).toEqual([
      { field: 'note', reason: 'is required' },
      { field: 'amountFen', reason: 'must be at least 1' },
      { field: 'items', reason: 'must list at least one entry' },
    ]);
    expect(checkBodyFields(SPECS, { note: 'toolong', amountFen: 101, items: 'x', who: [] })).toEqual([
      { field: 'note', reason: 'must be at most 5 characters' },
      { field: 'amountFen', reason: 'must be at most 100' },
      { field: 'who', reason: 'must be an object' },
      { field: 'items', reason: 'must be a list' },
    ]);
  });

  it('lets the handler-supplied fields through only when told', () => {
    expect(checkBodyFields(SPECS, { note: 'ok', caseId: 'c' })).toEqual([
      { field: 'caseId', reason: 'is not a known field' },
    ]);
    expect(checkBodyFields(SPECS, { note: 'ok', caseId: 'c' }, ['caseId'])).toEqual([]);
  });

  it('refuses a body that is not an object', () => {
    for (const body of [null, [], 'x', 1])
      expect(checkBodyFields(SPECS, body)).toEqual([{ field: 'body', reason: 'must be a JSON object' }]);
  });
});
