/** Household fixtures for the shared given/when/then kit: past events, members, actors, commands. */
import { makeResidentId } from '@casework/policy';
import type { Actor } from '../../shared/actor';
import { deciderSpec } from '../../shared/testing/decider-spec';
import type { HouseholdCommand, MemberInput } from '../household.commands';
import { householdDecider } from '../household.decide';
import type { HouseholdEvent, HouseholdEventOf } from '../household.events';
import type { Member } from '../household.model';

export const HH = 'hh-1';
export const OFFICE = 'STREET_XIYI';
/** 2020-10-09 10:00 in Xi'an. */
export const AT = '2020-10-09T02:00:00Z';
export const TODAY = '2020-10-09';

export const streetStaff: Actor = { userId: 'u-street', role: 'street_staff', unit: OFFICE };
export const otherStreetStaff: Actor = { userId: 'u-other', role: 'street_staff', unit: 'STREET_CHANGLE' };
export const districtStaff: Actor = { userId: 'u-district', role: 'caseworker', unit: 'DISTRICT_HRSS' };
export const inspector: Actor = { userId: 'u-insp', role: 'inspector', unit: 'DISCIPLINE' };

export const memberInput = (
  over: Partial<MemberInput> & { memberId: string; birthDate: string },
  seq = 11,
): MemberInput => ({
  name: `Member ${over.memberId}`,
  relation: 'other',
  idNumber: makeResidentId('610102', over.birthDate, seq),
  labourCapacity: 'full',
  employmentStatus: 'unemployed',
  ...over,
});

/** Head and spouse of working age and out of work, a child at school, a retired grandparent: a zero-employment household. */
export const membersInput = (): [MemberInput, MemberInput, MemberInput, MemberInput] => [
  memberInput({ memberId: 'm1', name: '张建国', relation: 'head', birthDate: '1975-03-01' }, 11),
  memberInput(
    { memberId: 'm2', name: '李秀英', relation: 'spouse', birthDate: '1978-06-15', labourCapacity: 'partial' },
    22,
  ),
  memberInput(
    { memberId: 'm3', name: '张小明', relation: 'child', birthDate: '2005-09-01', employmentStatus: 'student' },
    33,
  ),
  memberInput(
    {
      memberId: 'm4',
      name: '张老汉',
      relation: 'parent',
      birthDate: '1950-01-01',
      labourCapacity: 'none',
      employmentStatus: 'retired',
    },
    45,
  ),
];

export const asMember = (m: MemberInput): Member => ({ ...m, sex: Number(m.idNumber[16]) % 2 === 1 ? 'M' : 'F' });

export const registered = (over: Partial<HouseholdEventOf<'HouseholdRegistered'>['data']> = {}): HouseholdEvent => ({
  type: 'HouseholdRegistered',
  data: {
    householdId: HH,
    village: '韩森寨村',
    streetOffice: OFFICE,
    address: '韩森寨村3组12号',
    headMemberId: 'm1',
    members: membersInput().map(asMember),
    status: 'lifted',
    statusReason: '2019年已脱贫',
    planDueBy: null,
    at: '2020-09-01T02:00:00Z',
    ...over,
  },
});

export const zeroEmploymentDetected = (date = '2020-09-01'): HouseholdEvent => ({
  type: 'ZeroEmploymentDetected',
  data: { householdId: HH, date, labourMemberIds: ['m1', 'm2'], cause: 'registerHousehold', at: `${date}T02:00:00Z` },
});

/** The household as most specs start: registered lifted, zero employment detected at registration. */
export const aHousehold = (over: Partial<HouseholdEventOf<'HouseholdRegistered'>['data']> = {}): HouseholdEvent[] => [
  registered(over),
  zeroEmploymentDetected(),
];

type DataOf<T extends HouseholdCommand['type']> = Extract<HouseholdCommand, { type: T }>['data'];

export const command = <T extends HouseholdCommand['type']>(
  type: T,
  data: Omit<DataOf<T>, 'householdId'> & { householdId?: string },
  actor: Actor = streetStaff,
  at = AT,
): HouseholdCommand => ({ type, data: { householdId: HH, ...data }, actor, at }) as unknown as HouseholdCommand;

const spec = deciderSpec(householdDecider);

/** The shared decider kit (shared/testing/decider-spec) over household history given as a list. */
export const given = (history: HouseholdEvent[]) => spec(...history);
