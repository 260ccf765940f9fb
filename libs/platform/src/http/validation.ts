import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { FieldProblem, validationError } from '@casework/kernel';
import { toProblem } from './problem-details.filter';

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

/** The calendar years the system accepts in any date: policy, people and payments all fall inside. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

// A date or date-time (YYYY-MM-DD…), with any number of year digits or an expanded ±YYYYYY year.
const DATE_LIKE = /^([+-]\d{6}|\d{4,})-\d{2}-\d{2}(?:$|T)/;
// C0 controls and DEL and the C1 controls; text fields may keep tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export interface UntrustedInputOptions {
  /** Body text may hold line breaks and tabs (a textarea); query and path values may not. */
  lineBreaks?: boolean;
}

/** Why a date string is outside MIN_YEAR..MAX_YEAR, or null. Only strings that look like dates are judged. */
export function dateOutOfRange(value: string): string | null {
  const m = DATE_LIKE.exec(value);
  if (!m) return null;
  // Group 1 is not optional, so a match always has it.
  const [, yearText = ''] = m;
  const year = yearText.startsWith('+') || yearText.startsWith('-') ? NaN : Number(yearText);
  return year >= MIN_YEAR && year <= MAX_YEAR
    ? null
    : `日期超出范围：年份须在 ${MIN_YEAR} 至 ${MAX_YEAR} 之间。must be a date between ${MIN_YEAR}-01-01 and ${MAX_YEAR}-12-31`;
}

/**
 * Problems no DTO rule can catch, in any JSON value a client sent: the NUL character, which
 * PostgreSQL cannot store in text or jsonb (the write would fail after the checks), other control
 * characters (which would end up in logs, exports and the audit trail), dates outside
 * MIN_YEAR..MAX_YEAR (which later date arithmetic and PostgreSQL cannot take), and nesting so deep
 * that recursive transformers overflow the stack. Stops at the first problem of each kind.
 */
export function checkUntrustedInput(value: unknown, root = '', options: UntrustedInputOptions = {}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const control = options.lineBreaks ? CONTROL_IN_TEXT : CONTROL;
  let nul = false;
  let ctl = false;
  let deep = false;
  const visit = (v: unknown, path: string, depth: number): void => {
    if (typeof v === 'string') {
      if (!nul && v.includes('\u0000')) {
        nul = true;
        problems.push({ field: path || 'body', reason: 'must not contain the NUL character (\\u0000)' });
      } else if (!ctl && control.test(v)) {
        ctl = true;
        problems.push({
          field: path || 'body',
          reason: options.lineBreaks
            ? '不得包含控制字符。must not contain control characters (only tab and line breaks are allowed in text)'
            : '不得包含控制字符（包括换行）。must not contain control characters (including line breaks)',
        });
      }
      const range = dateOutOfRange(v);
      if (range) problems.push({ field: path || 'body', reason: range });
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
      // eslint-disable-next-line no-control-regex -- the NUL character is what this replaces
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
 * Express middleware: a request whose named headers hold a control character (NUL, CR, LF, …) is
 * answered 400 Problem Details naming the header, before any controller reads it.
 */
export function rejectControlCharactersInHeaders(names: string[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const problems: FieldProblem[] = [];
    for (const name of names) {
      const raw = req.headers[name.toLowerCase()];
      const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
      if (values.some((v) => CONTROL.test(v)))
        problems.push({ field: name, reason: '不得包含控制字符。must not contain control characters' });
    }
    if (problems.length === 0) return next();
    const body = toProblem(validationError(problems));
    body.instance = req.originalUrl;
    res.status(body.status).type('application/problem+json').json(body);
  };
}

/**
 * Validates every DTO; unknown fields are rejected; errors name the field in plain words. Before
 * that, every body, query and path parameter (DTO-typed or not) is checked by checkUntrustedInput.
 */
class CaseworkValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const problems = checkUntrustedInput(value, metadata.data ?? '', { lineBreaks: metadata.type === 'body' });
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
