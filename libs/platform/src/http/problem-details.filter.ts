import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, DomainErrorKind } from '@casework/kernel';
import { ConcurrencyError } from '@casework/event-store';

/** RFC 9457 Problem Details with a stable `code`. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  [extension: string]: unknown;
}

const STATUS: Record<DomainErrorKind, number> = {
  validation: 400,
  forbidden: 403,
  not_found: 404,
  illegal_state: 409,
  conflict: 409,
  stale_version: 412,
  precondition_required: 428,
  too_many_requests: 429,
};

const TITLES: Record<number, string> = {
  400: 'Invalid input',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Stale version',
  413: 'Request too large',
  415: 'Unsupported media type',
  428: 'Version required',
  429: 'Too many requests',
  500: 'Internal error',
};

/** The members RFC 9457 and our `code` define: an error's details may never overwrite them. */
const RESERVED = new Set(['type', 'title', 'status', 'detail', 'code', 'instance']);

/**
 * A Problem Details body. Extension members come from the error's details; one that has the name
 * of a standard member (a household's `status`, say) goes under `details` instead, so the body's
 * `status` is always the HTTP status.
 */
export function problem(
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
): ProblemDetails {
  const extensions: Record<string, unknown> = {};
  const clashing: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(extra)) (RESERVED.has(k) ? clashing : extensions)[k] = v;
  if (Object.keys(clashing).length > 0) {
    const own = extensions.details;
    extensions.details = own && typeof own === 'object' && !Array.isArray(own) ? { ...own, ...clashing } : clashing;
  }
  return {
    ...extensions,
    type: `https://casework.example/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? HttpStatus[status] ?? 'Error',
    status,
    detail,
    code,
  };
}

export function toProblem(err: unknown): ProblemDetails {
  if (err instanceof DomainError) return problem(STATUS[err.kind], err.code, err.message, err.details);
  if (err instanceof ConcurrencyError) {
    // A write raced with another: the version the client sent is no longer current.
    return problem(412, 'STALE_VERSION', `${err.message}. Reload and try again.`, {
      streamId: err.streamId,
      expectedVersion: err.expectedVersion,
      actualVersion: err.actualVersion,
    });
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const body = err.getResponse();
    if (typeof body === 'object' && body && 'code' in body && 'detail' in body) {
      // Already a problem body (e.g. from the guard): keep it, but the status is the exception's.
      const { type: _t, title: _ti, status: _s, detail, code, instance: _i, ...rest } = body as Record<string, unknown>;
      return problem(status, String(code), String(detail), rest);
    }
    const msg = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? err.message);
    // Nest's messages are strings; anything else is shown as JSON rather than as "[object Object]".
    const messages = Array.isArray(msg) ? msg.map(String) : [typeof msg === 'string' ? msg : JSON.stringify(msg)];
    if (status === 400) {
      return problem(400, 'VALIDATION_FAILED', messages.join('; '), {
        errors: messages.map((m) => ({ field: m.split(' ')[0], reason: m })),
      });
    }
    const codes: Record<number, string> = {
      401: 'UNAUTHENTICATED',
      403: 'FORBIDDEN',
      404: 'NOT_FOUND',
      405: 'METHOD_NOT_ALLOWED',
      413: 'PAYLOAD_TOO_LARGE',
      415: 'UNSUPPORTED_MEDIA_TYPE',
    };
    return problem(status, codes[status] ?? `HTTP_${status}`, messages.join('; '));
  }
  // Body-parser errors (malformed JSON, too large) carry a status and a type.
  const e = err as { status?: number; type?: string; message?: string };
  if (e && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    if (e.type === 'entity.parse.failed')
      return problem(400, 'MALFORMED_JSON', 'The request body is not valid JSON.', {
        errors: [{ field: 'body', reason: 'not valid JSON' }],
      });
    if (e.type === 'entity.too.large') return problem(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
    return problem(e.status, `HTTP_${e.status}`, e.message ?? 'Bad request');
  }
  return problem(
    500,
    'INTERNAL_ERROR',
    'Something went wrong on our side. The error has been logged; quote its reference when you report it.',
    {
      reference: randomUUID(),
    },
  );
}

const queryNamesOf = (req: Request): string => {
  const names = Object.keys(req.query ?? {});
  return names.length > 0 ? `?${names.map((n) => `${n}=…`).join('&')}` : '';
};

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly log = new Logger('HTTP');

  catch(err: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const body = toProblem(err);
    body.instance = req.originalUrl;
    // The log names the route and the query's parameter names, not their values: a reason or a filter may carry personal data.
    if (body.status >= 500)
      this.log.error(
        `${req.method} ${req.path}${queryNamesOf(req)} [reference ${String(body.reference)}]: ${(err as Error)?.stack ?? String(err)}`,
      );
    if (res.headersSent) return;
    if (body.status === 429 && typeof body.retryAfterSeconds === 'number')
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil(body.retryAfterSeconds))));
    res.status(body.status).type('application/problem+json').json(body);
  }
}
