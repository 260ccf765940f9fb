import { DEMO_ACCOUNTS, seedIdentity } from '@casework/identity';
import { startTestApp, type TestApp } from '../support/app';

/** Demo accounts are seeded once per database (issue 12): one removed stays removed. */
describe('demo accounts are seeded once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('seedonce');
  });
  afterAll(async () => {
    await t?.close();
  });

  const usernames = async (): Promise<string[]> =>
    (await t.dataSource.query(`select username from "${t.db.schema}".users order by username`)).map(
      (r: { username: string }) => r.username,
    );

  it('records the seeding and never re-creates a removed demo account', async () => {
    expect(await usernames()).toHaveLength(DEMO_ACCOUNTS.length);
    const log = await t.dataSource.query(`select step from "${t.db.schema}".seed_log`);
    expect(log).toEqual([{ step: 'demo-accounts' }]);
    await t.dataSource.query(`delete from "${t.db.schema}".users where username = 'admin'`);
    await expect(seedIdentity(t.dataSource)).resolves.toMatchObject({ usersCreated: 0, alreadySeeded: true });
    const after = await usernames();
    expect(after).toHaveLength(DEMO_ACCOUNTS.length - 1);
    expect(after).not.toContain('admin');
  });

  it('the first seeding of an empty database creates every account, concurrently only once', async () => {
    await t.dataSource.query(`delete from "${t.db.schema}".seed_log`);
    await t.dataSource.query(`delete from "${t.db.schema}".users where username <> 'inspector'`);
    const results = await Promise.all([seedIdentity(t.dataSource), seedIdentity(t.dataSource)]);
    expect(results.filter((r) => !r.alreadySeeded)).toHaveLength(1);
    expect(results.reduce((n, r) => n + r.usersCreated, 0)).toBe(DEMO_ACCOUNTS.length - 1);
    expect(await usernames()).toHaveLength(DEMO_ACCOUNTS.length);
  });
});
