import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROGRAMME_CODES, getPolicyVersion } from '@casework/policy';

// The console's programme picker is a plain ES module (no build step): it must list exactly the policy's programmes.
describe('apps/web/public/programmes.js', () => {
  const source = readFileSync(join(__dirname, 'public/programmes.js'), 'utf8');
  const listed = [...source.matchAll(/code: '([A-Z_]+)',\s*nameZh: '([^']+)'/g)].map((m) => ({
    code: m[1],
    nameZh: m[2],
  }));

  it('lists every programme of the current policy version once, with its Chinese name', () => {
    const policy = getPolicyVersion('2020-xc-v2');
    expect(listed.map((p) => p.code).sort()).toEqual([...PROGRAMME_CODES].sort());
    for (const p of listed) expect(p.nameZh).toBe(policy.programmes[p.code as keyof typeof policy.programmes]?.nameZh);
  });
});
