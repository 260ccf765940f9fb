import { makeResidentId } from '@casework/policy';
import { HouseholdBoardProjection, ProjectionRunner } from '@casework/read-models';
import type { TestApp } from '../support/app';
import { waitUntilInGlobalOrder } from '../support/global-order';

/** The household board projection on the test schema; `catchUp()` brings it to the head of the store. */
export function boardRunner(t: TestApp): { catchUp(): Promise<void> } {
  const runner = new ProjectionRunner({
    pool: t.db.adminPool,
    store: t.store,
    schema: t.db.schema,
    projections: [new HouseholdBoardProjection()],
    logger: { log() {}, warn() {}, error() {} },
  });
  const count = async (sql: string) => (await t.db.adminPool.query(sql)).rows[0].n as number;
  return {
    async catchUp() {
      await waitUntilInGlobalOrder(t.store, await count('select count(*)::int as n from events'));
      await runner.catchUp();
    },
  };
}

/** A registration body for a household of `office`: head and spouse of working age, as given. */
export function registrationBody(office: string, over: { employed?: boolean; status?: string; seq?: number } = {}) {
  const seq = over.seq ?? 11;
  return {
    village: '【示例】东坡村',
    streetOffice: office,
    address: '【示例】东坡村1组1号',
    headMemberId: 'm1',
    members: [
      {
        memberId: 'm1',
        name: '【示例】张建国',
        relation: 'head',
        birthDate: '1975-03-01',
        idNumber: makeResidentId('610102', '1975-03-01', seq),
        labourCapacity: 'full',
        employmentStatus: over.employed ? 'employed' : 'unemployed',
      },
      {
        memberId: 'm2',
        name: '【示例】李秀英',
        relation: 'spouse',
        birthDate: '1978-06-15',
        idNumber: makeResidentId('610102', '1978-06-15', seq + 11),
        labourCapacity: 'full',
        employmentStatus: 'unemployed',
      },
    ],
    status: over.status ?? 'lifted',
    statusReason: '【示例】2019年已脱贫',
  };
}
