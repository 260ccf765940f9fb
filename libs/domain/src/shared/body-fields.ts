import { type FieldProblem, isIsoDate } from '@casework/kernel';

/** The JSON shapes a command body field may take. */
export type BodyFieldType = 'string' | 'integer' | 'date' | 'boolean' | 'object' | 'array';

/** One field of a command body, as the case and household catalogues declare them. */
export type BodyFieldSpec<T extends BodyFieldType = BodyFieldType> = {
  name: string;
  type: T;
  required: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  /** Allowed values of a string field. */
  enum?: readonly string[];
  /** Fields of an object, or of each item of an array; absent means free-form (e.g. `facts`, whose keys the programme defines). */
  fields?: readonly BodyFieldSpec<T>[];
  /** Arrays: at least one item. */
  nonEmpty?: boolean;
};

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkFields(
  specs: readonly BodyFieldSpec[],
  body: Record<string, unknown>,
  prefix: string,
  ignore: readonly string[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = new Set(specs.map((s) => s.name));
  for (const key of Object.keys(body)) {
    if (!known.has(key) && !ignore.includes(key))
      problems.push({ field: prefix + key, reason: 'is not a known field' });
  }
  for (const spec of specs) {
    const field = prefix + spec.name;
    const value = body[spec.name];
    if (value === undefined || value === null) {
      if (spec.required) problems.push({ field, reason: 'is required' });
      continue;
    }
    switch (spec.type) {
      case 'string':
        if (typeof value !== 'string') problems.push({ field, reason: 'must be text' });
        else if (spec.required && value.trim() === '') problems.push({ field, reason: 'must not be blank' });
        else if (spec.maxLength !== undefined && value.length > spec.maxLength)
          problems.push({ field, reason: `must be at most ${spec.maxLength} characters` });
        else if (spec.enum && !spec.enum.includes(value))
          problems.push({ field, reason: `must be one of: ${spec.enum.join(', ')}` });
        break;
      case 'integer':
        if (typeof value !== 'number' || !Number.isSafeInteger(value))
          problems.push({ field, reason: 'must be a whole number' });
        else if (spec.min !== undefined && value < spec.min)
          problems.push({ field, reason: `must be at least ${spec.min}` });
        else if (spec.max !== undefined && value > spec.max)
          problems.push({ field, reason: `must be at most ${spec.max}` });
        break;
      case 'date':
        if (!isIsoDate(value)) problems.push({ field, reason: 'must be a date written YYYY-MM-DD' });
        break;
      case 'boolean':
        if (typeof value !== 'boolean') problems.push({ field, reason: 'must be true or false' });
        break;
      case 'object':
        if (!isPlainObject(value)) problems.push({ field, reason: 'must be an object' });
        else if (spec.fields) problems.push(...checkFields(spec.fields, value, `${field}.`, []));
        break;
      case 'array':
        if (!Array.isArray(value)) problems.push({ field, reason: 'must be a list' });
        else if (spec.nonEmpty && value.length === 0) problems.push({ field, reason: 'must list at least one entry' });
        else if (spec.fields) {
          const itemFields = spec.fields;
          value.forEach((item, i) => {
            if (!isPlainObject(item)) problems.push({ field: `${field}[${i}]`, reason: 'must be an object' });
            else problems.push(...checkFields(itemFields, item, `${field}[${i}].`, []));
          });
        }
        break;
      default: {
        const _exhaustive: never = spec.type;
        throw new Error(`Unknown field type ${String(_exhaustive)}`);
      }
    }
  }
  return problems;
}

/**
 * Checks a command body against its declared fields: unknown fields (except those the handler
 * supplies, listed in `ignore`), missing or blank required ones, types, lengths, ranges, allowed
 * values, nested objects and lists. Returns the problems; empty when the body is fine.
 */
export function checkBodyFields(
  specs: readonly BodyFieldSpec[],
  body: unknown,
  ignore: readonly string[] = [],
): FieldProblem[] {
  if (!isPlainObject(body)) return [{ field: 'body', reason: 'must be a JSON object' }];
  return checkFields(specs, body, '', ignore);
}
