import { missingPlan } from './household.schedule';
import type { RegisterHouseholdData } from './household.commands';
import {
  AT,
  HH,
  OFFICE,
  TODAY,
  asMember,
  command,
  districtStaff,
  given,
  inspector,
  memberInput,
  membersInput,
  otherStreetStaff,
  registered,
} from './testing/household.spec-kit';

const registration = (over: Partial<RegisterHouseholdData> = {}) =>
  command('registerHousehold', {
    village: '韩森寨村',
    streetOffice: OFFICE,
    address: '韩森寨村3组12号',
    headMemberId: 'm1',
    members: membersInput(),
    status: 'lifted',
    statusReason: '2019年已脱贫',
    ...over,
  });

describe('registerHousehold', () => {
  it('registers the household with its members, and detects zero employment when no able working-age member works', () => {
    given([])
      .when(registration())
      .then([
        registered({ at: AT }),
        {
          type: 'ZeroEmploymentDetected',
          data: { householdId: HH, date: TODAY, labourMemberIds: ['m1', 'm2'], cause: 'registerHousehold', at: AT },
        },
      ]);
  });

  it('takes the sex from the ID number', () => {
    const event = given([]).when(registration()).event();
    const members = event.type === 'HouseholdRegistered' ? event.data.members : [];
    expect(members.map((m) => m.sex)).toEqual(['M', 'F', 'M', 'M']);
  });

  it('does not flag zero employment when one member of working age works', () => {
    const members = membersInput().map((m) =>
      m.memberId === 'm2' ? { ...m, employmentStatus: 'employed' as const } : m,
    );
    expect(
      given([])
        .when(registration({ members }))
        .events()
        .map((e) => e.type),
    ).toEqual(['HouseholdRegistered']);
  });

  it('does not flag a household whose only members are past working age or cannot work', () => {
    const members = [
      memberInput({ memberId: 'm1', relation: 'head', birthDate: '1950-01-01', employmentStatus: 'unemployed' }),
      memberInput(
        {
          memberId: 'm2',
          relation: 'spouse',
          birthDate: '1980-01-01',
          labourCapacity: 'none',
          employmentStatus: 'unable',
        },
        24,
      ),
    ];
    expect(
      given([])
        .when(registration({ members }))
        .events()
        .map((e) => e.type),
    ).toEqual(['HouseholdRegistered']);
  });

  it('counts working age to the statutory retirement age by sex: a man until 60, a woman (no category recorded) until 55', () => {
    // Registered 2020-10-09. m1 (man) turns 60 the next day; m2 (woman) turned 55 that day; m3 (woman) turns 55 the next day.
    const members = [
      memberInput({ memberId: 'm1', relation: 'head', birthDate: '1960-10-10' }),
      memberInput({ memberId: 'm2', relation: 'spouse', birthDate: '1965-10-09' }, 24),
      memberInput({ memberId: 'm3', relation: 'sibling', birthDate: '1965-10-10' }, 26),
    ];
    const events = given([]).when(registration({ members })).events();
    expect(events[1]).toMatchObject({ type: 'ZeroEmploymentDetected', data: { labourMemberIds: ['m1', 'm3'] } });
  });

  it('registers a not_lifted household without a plan and gives it 10 working days to adopt one', () => {
    const when = given([]).when(registration({ status: 'not_lifted', statusReason: '因病致贫' }));
    // 2020-10-10 is a Saturday worked in lieu of the National Day holiday.
    expect(when.events()[0]).toMatchObject({ data: { status: 'not_lifted', planDueBy: '2020-10-22' } });
    const state = when.state();
    expect(state).toMatchObject({ planRequired: true, planDueBy: '2020-10-22' });
    expect(missingPlan(state, '2020-10-22')).toEqual({ dueBy: '2020-10-22', overdue: false });
    expect(missingPlan(state, '2020-10-23')).toEqual({ dueBy: '2020-10-22', overdue: true });
  });

  it('rejects an ID number with a wrong check character, naming the member and the reason', () => {
    const members = membersInput();
    members[2] = {
      ...members[2],
      idNumber: members[2].idNumber.slice(0, 17) + (members[2].idNumber[17] === '0' ? '1' : '0'),
    };
    const error = given([])
      .when(registration({ members }))
      .thenError({ kind: 'validation', code: 'VALIDATION_FAILED', fields: ['members[2].idNumber'] });
    expect(error.details.errors?.[0]?.reason).toMatch(/check character/);
  });

  it('rejects a birth date that disagrees with the ID number', () => {
    const members = membersInput();
    members[0] = { ...members[0], birthDate: '1975-03-02' };
    const error = given([])
      .when(registration({ members }))
      .thenError({ kind: 'validation', fields: ['members[0].birthDate'] });
    expect(error.details.errors?.[0]?.reason).toContain('1975-03-01');
  });

  it('lists every missing or malformed field at once', () => {
    const members = membersInput();
    members[1] = {
      ...members[1],
      relation: 'cousin' as never,
      labourCapacity: 'some' as never,
      employmentStatus: 'busy' as never,
      name: ' ',
    };
    given([])
      .when(registration({ village: '', address: '', status: 'poor' as never, statusReason: '', members }))
      .thenError({
        kind: 'validation',
        fields: [
          'village',
          'address',
          'status',
          'statusReason',
          'members[1].name',
          'members[1].relation',
          'members[1].labourCapacity',
          'members[1].employmentStatus',
        ],
      });
  });

  it('requires at least one member', () => {
    given([])
      .when(registration({ members: [] }))
      .thenError({ kind: 'validation', fields: ['members'] });
  });

  it('rejects duplicate member ids and ID numbers', () => {
    const members = membersInput();
    members[1] = { ...members[1], memberId: 'm1', idNumber: members[0].idNumber, birthDate: members[0].birthDate };
    given([])
      .when(registration({ members }))
      .thenError({ kind: 'validation', fields: ['members[1].memberId', 'members[1].idNumber'] });
  });

  it('requires the head of household to be a member with the relation "head"', () => {
    given([])
      .when(registration({ headMemberId: 'm9' }))
      .thenError({ kind: 'validation', fields: ['headMemberId'] });
    given([])
      .when(registration({ headMemberId: 'm2' }))
      .thenError({ kind: 'validation', fields: ['headMemberId'] });
    const twoHeads = membersInput().map((m) => (m.memberId === 'm2' ? { ...m, relation: 'head' as const } : m));
    given([])
      .when(registration({ members: twoHeads }))
      .thenError({ kind: 'validation', fields: ['members'] });
  });

  it('rejects a birth date in the future', () => {
    const members = [
      ...membersInput(),
      memberInput({ memberId: 'm5', relation: 'grandchild', birthDate: '2020-12-01' }, 51),
    ];
    given([])
      .when(registration({ members }))
      .thenError({ kind: 'validation', fields: ['members[4].birthDate'] });
  });

  it('refuses to register the same household twice', () => {
    given([registered()]).when(registration()).thenError({ kind: 'conflict', code: 'HOUSEHOLD_ALREADY_REGISTERED' });
  });

  it('lets street-office staff register only for their own street office, district staff for any, inspectors never', () => {
    given([])
      .when({ ...registration(), actor: otherStreetStaff })
      .thenError({ kind: 'forbidden', code: 'HOUSEHOLD_OUT_OF_SCOPE' });
    given([])
      .when({ ...registration(), actor: inspector })
      .thenError({ kind: 'forbidden', code: 'HOUSEHOLD_OUT_OF_SCOPE' });
    expect(
      given([])
        .when({ ...registration(), actor: districtStaff })
        .event().type,
    ).toBe('HouseholdRegistered');
  });

  it('upper-cases a lower-case x in the ID number', () => {
    const withX = Array.from({ length: 999 }, (_, i) =>
      memberInput({ memberId: 'm1', relation: 'head', birthDate: '1980-01-01' }, i + 1),
    ).find((m) => m.idNumber.endsWith('X'));
    if (!withX) throw new Error('no sequence number gives an ID ending in X');
    const lower = { ...withX, idNumber: withX.idNumber.toLowerCase() };
    const event = given([])
      .when(registration({ members: [lower] }))
      .event();
    expect(event.type === 'HouseholdRegistered' && event.data.members[0]).toEqual(
      asMember({ ...lower, idNumber: lower.idNumber.toUpperCase() }),
    );
  });
});
