import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CASE_COMMANDS, HOUSEHOLD_COMMANDS, type BodyFieldSpec } from '@casework/domain';
import { startTestApp, type TestApp } from '../support/app';

interface Doc {
  paths: Record<string, Record<string, { parameters: { name: string }[]; requestBody?: unknown; summary: string }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
}

describe('OpenAPI for the command routes', () => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await startTestApp('cases_docs');
    doc = (await request(t.server).get('/docs-json')).body as Doc;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The documented body of a POST: the component it refers to, with the catalogue's fields. */
  const bodyOf = (path: string) => {
    const body = doc.paths[path]?.post?.requestBody as
      { content?: Record<string, { schema?: { $ref?: string } } | undefined> } | undefined;
    const ref = body?.content?.['application/json']?.schema?.$ref;
    if (!ref) throw new Error(`${path} documents no JSON request body`);
    const schema = doc.components.schemas[ref.split('/').pop() ?? ''];
    if (!schema) throw new Error(`${path} refers to ${ref}, which is not a documented schema`);
    return schema;
  };
  const names = (fields: readonly BodyFieldSpec[]) => fields.map((f) => f.name).sort();
  const required = (fields: readonly BodyFieldSpec[]) => fields.filter((f) => f.required).map((f) => f.name);

  it('documents one route with its own request body per case workflow command', () => {
    for (const [name, spec] of Object.entries(CASE_COMMANDS)) {
      if (spec.opensCase) continue;
      const path = `/api/cases/{id}/${spec.route}`;
      const op = doc.paths[path]?.post;
      expect({ name, documented: Boolean(op) }).toEqual({ name, documented: true });
      if (!op) throw new Error(`${path} is not documented`);
      expect(Object.keys(bodyOf(path).properties ?? {}).sort()).toEqual(names(spec.fields));
      expect(bodyOf(path).required ?? []).toEqual(required(spec.fields));
      expect(op.parameters.map((p) => p.name)).toEqual(
        expect.arrayContaining(['id', 'If-Match', 'Idempotency-Key', 'X-Correlation-Id']),
      );
      // Chinese first, then the catalogue's English.
      expect(op.summary).toMatch(/^[\u3400-\u9fff]+ \| [A-Z]/);
    }
    expect(doc.paths['/api/cases']?.post).toBeDefined();
    expect(doc.paths['/api/auth/login']?.post).toBeDefined();
    // The pattern that serves them is not a documented route of its own.
    expect(Object.keys(doc.paths).filter((p) => p.includes('{command}'))).toEqual([]);
  });

  it('documents the household commands and registration the same way', () => {
    for (const [name, spec] of Object.entries(HOUSEHOLD_COMMANDS)) {
      const path = spec.opensHousehold ? '/api/households' : `/api/households/{id}/${spec.route}`;
      const op = doc.paths[path]?.post;
      expect({ name, documented: Boolean(op) }).toEqual({ name, documented: true });
      if (!op) throw new Error(`${path} is not documented`);
      expect(Object.keys(bodyOf(path).properties ?? {}).sort()).toEqual(names(spec.fields));
      expect(op.parameters.map((p) => p.name).includes('If-Match')).toBe(!spec.opensHousehold);
      expect(op.summary).toMatch(/^[\u3400-\u9fff]+ \| [A-Z]/);
    }
  });

  it('an unknown command is a 404 Problem Details listing the known ones', async () => {
    const token = await t.login('caseworker');
    for (const [base, known] of [
      ['/api/cases', Object.values(CASE_COMMANDS).filter((s) => !s.opensCase)],
      ['/api/households', Object.values(HOUSEHOLD_COMMANDS).filter((s) => !s.opensHousehold)],
    ] as const) {
      const res = await request(t.server)
        .post(`${base}/${randomUUID()}/self-approve`)
        .set('Authorization', `Bearer ${token}`)
        .send({});
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('UNKNOWN_COMMAND');
      expect(res.body.known).toEqual(known.map((s) => s.route));
    }
  });
});
