import { canChangeHousehold, canReadHousehold } from './household.scope';
import { OFFICE, districtStaff, inspector, otherStreetStaff, streetStaff } from './testing/household.spec-kit';

const household = { streetOffice: OFFICE };

describe('household scope', () => {
  it('lets street-office staff read and change their own households without recording the read', () => {
    expect(canReadHousehold(streetStaff, household)).toMatchObject({ allowed: true, mustRecordAccess: false });
    expect(canChangeHousehold(streetStaff, household)).toMatchObject({ allowed: true });
  });

  it('keeps street-office staff out of other street offices’ households', () => {
    expect(canReadHousehold(otherStreetStaff, household)).toMatchObject({ allowed: false, mustRecordAccess: false });
    expect(canChangeHousehold(otherStreetStaff, household)).toMatchObject({ allowed: false });
  });

  it('lets district staff read (recorded as cross-unit) and change every household', () => {
    expect(canReadHousehold(districtStaff, household)).toMatchObject({ allowed: true, mustRecordAccess: true });
    expect(canChangeHousehold(districtStaff, household)).toMatchObject({ allowed: true });
  });

  it('lets inspectors read every household, always recorded, and change none', () => {
    expect(canReadHousehold(inspector, household)).toMatchObject({ allowed: true, mustRecordAccess: true });
    expect(canReadHousehold({ ...inspector, unit: OFFICE }, household)).toMatchObject({
      allowed: true,
      mustRecordAccess: true,
    });
    expect(canChangeHousehold(inspector, household)).toMatchObject({ allowed: false });
    expect(canChangeHousehold({ ...inspector, unit: 'DISTRICT_DISCIPLINE' }, household)).toMatchObject({
      allowed: false,
    });
  });

  it('lets other roles of the street office read but not change', () => {
    const caseworker = { ...streetStaff, role: 'caseworker' as const };
    expect(canReadHousehold(caseworker, household)).toMatchObject({ allowed: true, mustRecordAccess: false });
    expect(canChangeHousehold(caseworker, household).allowed).toBe(false);
  });
});
