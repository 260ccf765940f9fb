import request from 'supertest';
import { CASE_COMMANDS } from '@casework/domain';
import { startTestApp, type TestApp } from '../support/app';

describe('OpenAPI for the case routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('cases_docs');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('documents one route with its own request body per workflow command', async () => {
    const doc = (await request(t.server).get('/docs-json')).body;
    for (const [name, spec] of Object.entries(CASE_COMMANDS)) {
      if (spec.opensCase) continue;
      const op = doc.paths[`/api/cases/{id}/${spec.route}`]?.post;
      expect({ name, documented: Boolean(op) }).toEqual({ name, documented: true });
      expect(JSON.stringify(op.requestBody ?? {})).toContain('CaseRequestDto');
      expect(op.parameters.map((p: { name: string }) => p.name)).toContain('If-Match');
    }
    expect(doc.paths['/api/cases'].post).toBeDefined();
    expect(doc.paths['/api/auth/login'].post).toBeDefined();
  });
});
