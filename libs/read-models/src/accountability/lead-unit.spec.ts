import { POLICY_VERSIONS, type PolicyVersion, type Programme } from '@casework/policy';
import { UNKNOWN_LEAD_UNIT, leadUnitOf, programmeOf } from './lead-unit';

const CODE = 'UNEMPLOYMENT_SUBSIDY';
function versionAt(index: number): PolicyVersion {
  const v = POLICY_VERSIONS.at(index);
  if (!v) throw new Error('the policy catalogue has no versions');
  return v;
}
const first = versionAt(0);
const latest = versionAt(-1);

/** The programme as a version defines it; a test setup error when it does not. */
function programmeIn(version: PolicyVersion): Programme {
  const p = version.programmes[CODE];
  if (!p) throw new Error(`${version.id} has no ${CODE}`);
  return p;
}

/** A catalogue whose versions disagree on the lead unit, so the fallback's choice shows. */
function catalogue(): PolicyVersion[] {
  const base = programmeIn(first);
  const withLead = (leadUnit: string): Record<string, Programme> => ({ [CODE]: { ...base, leadUnit } });
  return [
    { ...first, id: 'old', programmes: withLead('OLD_UNIT') },
    { ...first, id: 'mid', programmes: withLead('MID_UNIT') },
    { ...first, id: 'new', programmes: {} },
  ];
}

describe('lead unit of a programme', () => {
  it('uses the real policy versions of the catalogue', () => {
    expect(POLICY_VERSIONS.map((v) => v.id)).toEqual(['2020-xc-v1', '2020-xc-v2']);
    expect(leadUnitOf(CODE, '2020-xc-v1')).toBe(programmeIn(first).leadUnit);
    expect(leadUnitOf(CODE, '2020-xc-v2')).toBe(programmeIn(latest).leadUnit);
  });

  it('takes an unknown policy version (e.g. "v1") or none from the latest version that has the programme', () => {
    expect(() => leadUnitOf(CODE, 'v1')).not.toThrow();
    expect(leadUnitOf(CODE, 'v1')).toBe(programmeIn(latest).leadUnit);
    expect(leadUnitOf(CODE, null)).toBe(programmeIn(latest).leadUnit);
    expect(leadUnitOf(CODE, 'v1')).not.toBe(UNKNOWN_LEAD_UNIT);
  });

  it('prefers the case’s own version, and otherwise the latest version that has the programme', () => {
    const versions = catalogue();
    expect(leadUnitOf(CODE, 'old', versions)).toBe('OLD_UNIT');
    expect(leadUnitOf(CODE, 'v1', versions)).toBe('MID_UNIT');
    // Its own version lacks the programme: the latest one that has it.
    expect(leadUnitOf(CODE, 'new', versions)).toBe('MID_UNIT');
  });

  it('names an unknown programme instead of throwing', () => {
    expect(programmeOf('NO_SUCH_PROGRAMME', '2020-xc-v2')).toBeUndefined();
    expect(leadUnitOf('NO_SUCH_PROGRAMME', 'v1')).toBe(UNKNOWN_LEAD_UNIT);
  });
});
