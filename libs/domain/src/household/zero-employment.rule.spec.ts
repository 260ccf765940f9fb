import { asMember, aHousehold, command, given, memberInput, registered } from './testing/household.spec-kit';
import { isZeroEmployment, labourForce } from './zero-employment.rule';

describe('zero employment (零就业家庭)', () => {
  const head = asMember(memberInput({ memberId: 'm1', relation: 'head', birthDate: '1975-03-01' }));
  const student = asMember(
    memberInput({ memberId: 'm3', relation: 'child', birthDate: '2003-05-01', employmentStatus: 'student' }, 33),
  );

  it('is a household with an able working-age member and nobody of them employed', () => {
    expect(isZeroEmployment([head], '2020-10-09')).toBe(true);
    expect(isZeroEmployment([{ ...head, employmentStatus: 'employed' }], '2020-10-09')).toBe(false);
  });

  it('does not count members at school, retired, unable, or without labour capacity', () => {
    expect(
      labourForce(
        [
          student,
          { ...head, labourCapacity: 'none' },
          { ...head, memberId: 'x', employmentStatus: 'retired' },
          { ...head, memberId: 'y', employmentStatus: 'unable' },
        ],
        '2020-10-09',
      ),
    ).toEqual([]);
    expect(isZeroEmployment([student], '2020-10-09')).toBe(false);
  });

  it('counts partial labour capacity', () => {
    expect(labourForce([{ ...head, labourCapacity: 'partial' }], '2020-10-09')).toHaveLength(1);
  });

  it('takes ages on the given day: 16 on the sixteenth birthday, out on reaching the statutory retirement age', () => {
    const young = asMember(memberInput({ memberId: 'y', relation: 'child', birthDate: '2004-10-09' }, 41));
    expect(labourForce([young], '2020-10-08')).toEqual([]);
    expect(labourForce([young], '2020-10-09')).toEqual([young]);
    // A man (odd sequence digit) retires at 60 under the rules of 2020.
    const old = asMember(memberInput({ memberId: 'o', relation: 'parent', birthDate: '1960-10-09' }, 43));
    expect(old.sex).toBe('M');
    expect(labourForce([old], '2020-10-08')).toEqual([old]);
    expect(labourForce([old], '2020-10-09')).toEqual([]);
  });

  it('a woman without a recorded category counts until 55 (the wider statutory line), not 60', () => {
    const woman = asMember(memberInput({ memberId: 'w', relation: 'spouse', birthDate: '1965-10-09' }, 42));
    expect(woman.sex).toBe('F');
    expect(labourForce([woman], '2020-10-08')).toEqual([woman]);
    expect(labourForce([woman], '2020-10-09')).toEqual([]);
  });

  it('from 2025 the gradual reform applies: a man born 1965-01-15 works until 60 years 1 month (2025-02-15)', () => {
    const man = asMember(memberInput({ memberId: 'r', relation: 'head', birthDate: '1965-01-15' }, 45));
    expect(labourForce([man], '2025-02-14')).toEqual([man]);
    expect(labourForce([man], '2025-02-15')).toEqual([]);
  });

  it('is detected by whichever command is recorded once a member comes of working age', () => {
    // Only member able to work is 15 at registration; the visit after the 16th birthday detects it.
    const teen = memberInput({ memberId: 'm1', relation: 'head', birthDate: '2004-10-01' }, 15);
    const history = [registered({ members: [asMember(teen)] })];
    const events = given(history)
      .when(
        command('recordThreeChecks', {
          checkId: 'c1',
          kind: 'zero_employment_household',
          date: '2020-10-09',
          result: 'issue_found',
          notes: '户主满16周岁未就业',
        }),
      )
      .events();
    expect(events.map((e) => e.type)).toEqual(['ThreeChecksRecorded', 'ZeroEmploymentDetected']);
    expect(events[1]).toMatchObject({ data: { cause: 'recordThreeChecks', labourMemberIds: ['m1'] } });
  });

  it('is cleared when the only unemployed member ages out', () => {
    const events = given(
      aHousehold({ members: [asMember(memberInput({ memberId: 'm1', relation: 'head', birthDate: '1959-10-09' }))] }),
    )
      .when(command('changeHouseholdStatus', { status: 'edge', reason: 'x' }))
      .events();
    expect(events.map((e) => e.type)).toEqual(['HouseholdStatusChanged', 'ZeroEmploymentCleared']);
    expect(events[1]).toMatchObject({ data: { placementId: null, cause: 'changeHouseholdStatus' } });
  });
});
