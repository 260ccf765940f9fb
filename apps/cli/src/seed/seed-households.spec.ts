import {
  foldHousehold,
  householdStreamId,
  isRegistered,
  isVisitOverdue,
  type HouseholdEvent,
  type RegisteredHousehold,
} from '@casework/domain';
import { InMemoryEventStore } from '@casework/event-store';
import { nameBasedUuid } from '../../../api/src/shared/name-based-uuid';
import { DEMO_HOUSEHOLD_COUNT, seedHouseholds } from './seed-households';

async function seeded(today: string): Promise<RegisteredHousehold[]> {
  const store = new InMemoryEventStore();
  await seedHouseholds(store, { today });
  const out: RegisteredHousehold[] = [];
  for (let i = 0; i < DEMO_HOUSEHOLD_COUNT; i++) {
    const events = await store.readStream(householdStreamId(nameBasedUuid('demo-household', String(i))));
    const state = foldHousehold(events.map((e) => ({ type: e.type, data: e.data }) as HouseholdEvent));
    if (isRegistered(state)) out.push(state);
  }
  return out;
}

// The demo must come out the same whatever day `npm start` seeds it: ages and dates are relative to today.
describe.each(['2020-11-16', '2026-03-01'])('demo households seeded on %s', (today) => {
  let households: RegisteredHousehold[];
  beforeAll(async () => {
    households = await seeded(today);
  });

  it('has 157 households in 14 villages: 124 lifted, 33 not yet lifted with plans', () => {
    expect(households).toHaveLength(157);
    expect(new Set(households.map((h) => h.village)).size).toBe(14);
    expect(households.filter((h) => h.status === 'lifted')).toHaveLength(124);
    const notLifted = households.filter((h) => h.status === 'not_lifted');
    expect(notLifted).toHaveLength(33);
    expect(notLifted.every((h) => h.plan !== null && !h.planRequired)).toBe(true);
  });

  it('has a few zero-employment households, two cleared by a placement, a few open risks, a few overdue visits', () => {
    expect(households.filter((h) => h.zeroEmployment)).toHaveLength(4);
    expect(households.filter((h) => h.placements.some((p) => p.publicWelfarePost))).toHaveLength(2);
    expect(households.filter((h) => h.risks.some((r) => !r.eliminated))).toHaveLength(4);
    expect(households.filter((h) => h.risks.some((r) => r.eliminated))).toHaveLength(4);
    const overdue = households.filter((h) => isVisitOverdue(h, today)).length;
    expect(overdue).toBeGreaterThan(5);
    expect(overdue).toBeLessThan(40);
    expect(households.every((h) => h.visits.length > 0 && h.cadre !== null)).toBe(true);
  });
});
