import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, validationError } from '@casework/kernel';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const field = parent
      ? /^\d+$/.test(e.property)
        ? `${parent}[${e.property}]`
        : `${parent}.${e.property}`
      : e.property;
    for (const [rule, msg] of Object.entries(e.constraints ?? {})) {
      out.push({
        field,
        reason:
          rule === 'whitelistValidation' ? 'is not a known field' : msg.replace(new RegExp(`^${e.property} `), ''),
      });
    }
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/** Deeper than any request of the API; deeper input is refused before anything recurses over it. */
export const MAX_INPUT_DEPTH = 16;

const childPath = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent || 'body'}[${key}]` : parent ? `${parent}.${key}` : key;

/**
 * Problems no DTO rule can catch, in any JSON value a client sent: the NUL character, which
 * PostgreSQL cannot store in text or jsonb (the write would fail after the checks), and nesting
 * so deep that recursive transformers overflow the stack. Stops at the first problem of each kind.
 */
export function checkUntrustedInput(value: unknown, root = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  let nul = false;
  let deep = false;
  const visit = (v: unknown, path: string, depth: number): void => {
    if (typeof v === 'string') {
      if (!nul && v.includes('\u0000')) {
        nul = true;
        problems.push({ field: path || 'body', reason: 'must not contain the NUL character (\\u0000)' });
      }
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    if (depth >= MAX_INPUT_DEPTH) {
      if (!deep)
        problems.push({ field: path || 'body', reason: `is nested too deeply (more than ${MAX_INPUT_DEPTH} levels)` });
      deep = true;
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, childPath(path, i), depth + 1));
      return;
    }
    for (const [key, item] of Object.entries(v)) {
      const safeKey = key.replace(/\u0000/g, '\\u0000');
      if (!nul && safeKey !== key) {
        nul = true;
        problems.push({
          field: childPath(path, safeKey),
          reason: 'field names must not contain the NUL character (\\u0000)',
        });
      }
      visit(item, childPath(path, safeKey), depth + 1);
    }
  };
  visit(value, root, 0);
  return problems;
}

/**
 * Validates every DTO; unknown fields are rejected; errors name the field in plain words. Before
 * that, every body, query and path parameter (DTO-typed or not) is checked by checkUntrustedInput.
 */
class CaseworkValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const problems = checkUntrustedInput(value, metadata.data ?? '');
      if (problems.length) throw validationError(problems);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new CaseworkValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationError(flatten(errors)),
  });
}
