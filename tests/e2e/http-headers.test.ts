import { connect } from 'node:net';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';

/** Security headers on every kind of answer, and control characters in the headers the app reads (issue 12). */
describe('HTTP security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('headers');
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Sends raw bytes (the fetch and supertest clients refuse control characters in headers) and parses the answer. */
  function raw(lines: string[]): Promise<{ status: number; headers: string; body: string }> {
    const { port } = new URL(t.baseUrl);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1');
      let data = '';
      socket.on('data', (d) => (data += d.toString('utf8')));
      socket.on('error', reject);
      socket.on('end', () => {
        const [head = '', ...rest] = data.split('\r\n\r\n');
        resolve({ status: Number(head.split(' ')[1]), headers: head, body: rest.join('\r\n\r\n') });
      });
      socket.write(Buffer.from(`${lines.join('\r\n')}\r\nConnection: close\r\n\r\n`, 'latin1'));
    });
  }

  it('every answer has the CSP, nosniff, frame, referrer headers and no X-Powered-By', async () => {
    const token = await t.login('caseworker');
    const answers = [
      await request(t.server).get('/'),
      await request(t.server).get('/app.js'),
      await request(t.server).get('/health'),
      await request(t.server).get('/api/cases'),
      await request(t.server).get('/api/cases').set('Authorization', `Bearer ${token}`),
      await request(t.server).get('/api/no-such-thing').set('Authorization', `Bearer ${token}`),
      await request(t.server).post('/api/auth/login').send({ username: 'x', password: 'y' }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 401, 200, 404, 401]);
    for (const res of answers) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('the console page loads nothing inline, so the CSP without unsafe-inline fits it', async () => {
    const html = (await request(t.server).get('/')).text;
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  });

  it('the API docs page gets the same policy, with inline styles allowed for Swagger UI only', async () => {
    const res = await request(t.server).get('/docs/');
    expect(res.status).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('control characters in X-Access-Reason, Idempotency-Key and X-Correlation-Id are 400 naming the header', async () => {
    const token = await t.login('street.changlezhong');
    for (const [header, path, method] of [
      ['X-Access-Reason', '/api/households?on=2020-11-16', 'GET'],
      ['Idempotency-Key', '/api/cases', 'POST'],
      ['X-Correlation-Id', '/api/cases', 'POST'],
    ] as const) {
      // Node's parser lets tab and the C1 controls (bytes 0x80–0x9f) through; the app refuses them.
      for (const bad of ['a\tb', 'a\u0085b', 'a\u009bb']) {
        const res = await raw(
          [
            `${method} ${path} HTTP/1.1`,
            'Host: 127.0.0.1',
            `Authorization: Bearer ${token}`,
            'Content-Type: application/json',
            'Content-Length: 2',
            `${header}: ${bad}`,
            '',
            '{}',
          ].slice(0, -2),
        );
        expect({ header, bad, status: res.status }).toEqual({ header, bad, status: 400 });
        expect(res.headers).toMatch(/content-type: application\/problem\+json/i);
        const body = JSON.parse(res.body.replace(/^[0-9a-f]+\r\n|\r\n0\r\n$/gi, '').trim() || '{}');
        expect(body.status).toBe(400);
        expect(body.errors).toEqual([{ field: header, reason: expect.stringContaining('control characters') }]);
      }
    }
  });

  it('NUL, CR, ESC, DEL and other C0 controls in a header never reach the app: the request is refused with a 400', async () => {
    for (const bad of ['a\u0000b', 'a\rb', 'a\u0001b', 'a\u001bb', 'a\u007fb']) {
      const res = await raw(['GET /api/households HTTP/1.1', 'Host: 127.0.0.1', `X-Access-Reason: ${bad}`]);
      expect(res.status).toBe(400);
    }
  });
});
