import { DomainError, tooManyRequests } from '@casework/kernel';
import { ConcurrencyError } from '@casework/event-store';
import { Logger, type ArgumentsHost } from '@nestjs/common';
import { ProblemDetailsFilter, toProblem } from './problem-details.filter';

describe('toProblem', () => {
  it('maps each domain error kind to its status and keeps the stable code and details', () => {
    const kinds = {
      validation: 400,
      forbidden: 403,
      not_found: 404,
      illegal_state: 409,
      conflict: 409,
      stale_version: 412,
      precondition_required: 428,
      too_many_requests: 429,
    } as const;
    for (const [kind, status] of Object.entries(kinds)) {
      const p = toProblem(new DomainError(kind as keyof typeof kinds, 'SOME_CODE', 'words', { allowed: ['a'] }));
      expect(p).toMatchObject({ status, code: 'SOME_CODE', detail: 'words', allowed: ['a'] });
    }
  });

  it('never lets a detail overwrite the status or another standard member: it goes under details', () => {
    const p = toProblem(
      new DomainError('illegal_state', 'STATUS_UNCHANGED', 'The household is already lifted.', {
        status: 'lifted',
        code: 'X',
        householdId: 'h-1',
      }),
    );
    expect(p).toMatchObject({
      status: 409,
      code: 'STATUS_UNCHANGED',
      householdId: 'h-1',
      details: { status: 'lifted', code: 'X' },
    });
  });

  it('turns a lost append race into 412 naming the stream and versions', () => {
    expect(toProblem(new ConcurrencyError('case-1', 3, 4))).toMatchObject({
      status: 412,
      code: 'STALE_VERSION',
      streamId: 'case-1',
      expectedVersion: 3,
      actualVersion: 4,
    });
  });

  it('hides an unexpected error behind a reference, never its message or stack', () => {
    const p = toProblem(new Error('relation "secret_table" does not exist'));
    expect(p.status).toBe(500);
    expect(p.code).toBe('INTERNAL_ERROR');
    expect(p.reference).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(p)).not.toContain('secret_table');
  });
});

describe('ProblemDetailsFilter', () => {
  it('logs a 500 with its reference, the path and the query parameter names, never their values', () => {
    const logged: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation((m: unknown) => void logged.push(String(m)));
    const sent: { status?: number; body?: Record<string, unknown> } = {};
    const res = {
      headersSent: false,
      status(s: number) {
        sent.status = s;
        return this;
      },
      type() {
        return this;
      },
      json(b: Record<string, unknown>) {
        sent.body = b;
      },
    };
    const req = {
      method: 'GET',
      path: '/api/households',
      originalUrl: '/api/households?reason=核查张三110101199003070000&village=x',
      query: { reason: '核查张三110101199003070000', village: 'x' },
    };
    const host = {
      switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }),
    } as unknown as ArgumentsHost;
    try {
      new ProblemDetailsFilter().catch(new Error('boom'), host);
    } finally {
      spy.mockRestore();
    }
    expect(sent.status).toBe(500);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('GET /api/households?reason=…&village=…');
    expect(logged[0]).toContain(String(sent.body!.reference));
    expect(logged[0]).not.toContain('张三');
    expect(logged[0]).not.toContain('110101199003070000');
  });
});

describe('ProblemDetailsFilter on too_many_requests', () => {
  it('sends Retry-After in whole seconds from retryAfterSeconds', () => {
    const headers: Record<string, string> = {};
    const res = {
      headersSent: false,
      setHeader: (n: string, v: string) => void (headers[n] = v),
      status() {
        return this;
      },
      type() {
        return this;
      },
      json() {},
    };
    const req = { method: 'POST', path: '/api/auth/login', originalUrl: '/api/auth/login', query: {} };
    const host = {
      switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }),
    } as unknown as ArgumentsHost;
    new ProblemDetailsFilter().catch(tooManyRequests('TOO_MANY_LOGIN_ATTEMPTS', 'Wait.', 89.2), host);
    expect(headers['Retry-After']).toBe('90');
  });
});
