import type { Actor } from '../shared/actor';
import type { HouseholdScope } from './household.state';

export interface HouseholdReadAccess {
  allowed: boolean;
  /** A cross-unit or inspector read of personal data: the API must record it in the audit trail. */
  mustRecordAccess: boolean;
  reason: string;
}

export interface HouseholdChangeAccess {
  allowed: boolean;
  reason: string;
}

/** District units (区人社局 and the like) are coded `DISTRICT_…`. */
export const isDistrictUnit = (unit: string): boolean => unit.startsWith('DISTRICT_');

/**
 * Who may read a household: inspectors and district staff read all, everyone else only the
 * households of their own street office. Reads from outside the household's own street office,
 * and every inspector read, must be recorded.
 */
export function canReadHousehold(actor: Actor, household: HouseholdScope): HouseholdReadAccess {
  const ownUnit = actor.unit === household.streetOffice;
  if (actor.role === 'inspector')
    return { allowed: true, mustRecordAccess: true, reason: 'inspectors read every household; the read is recorded' };
  if (isDistrictUnit(actor.unit))
    return {
      allowed: true,
      mustRecordAccess: !ownUnit,
      reason: 'district staff read every household; cross-unit reads are recorded',
    };
  if (ownUnit) return { allowed: true, mustRecordAccess: false, reason: 'household of the actor’s own street office' };
  return {
    allowed: false,
    mustRecordAccess: false,
    reason: `household belongs to street office ${household.streetOffice}, not to ${actor.unit}`,
  };
}

/**
 * Who may change a household: district staff any household, street-office staff (street_staff) only
 * their own street office's households, inspectors nothing.
 */
export function canChangeHousehold(actor: Actor, household: HouseholdScope): HouseholdChangeAccess {
  if (actor.role === 'inspector') return { allowed: false, reason: 'inspectors read but change nothing' };
  if (isDistrictUnit(actor.unit)) return { allowed: true, reason: 'district staff change every household' };
  if (actor.unit !== household.streetOffice)
    return {
      allowed: false,
      reason: `household belongs to street office ${household.streetOffice}, not to ${actor.unit}`,
    };
  if (actor.role !== 'street_staff')
    return { allowed: false, reason: 'only street-office staff (street_staff) follow up households' };
  return { allowed: true, reason: 'household of the actor’s own street office' };
}
