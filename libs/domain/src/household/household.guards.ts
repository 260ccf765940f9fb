import type { Actor } from '../shared/actor';
import { DomainError, type FieldProblem, forbidden, validationError, isIsoDate } from '@casework/kernel';
import { canChangeHousehold } from './household.scope';
import { type HouseholdState, type HouseholdScope, type RegisteredHousehold, isRegistered } from './household.state';

export const requireRegistered = (state: HouseholdState, householdId: string): RegisteredHousehold => {
  if (!isRegistered(state))
    throw new DomainError('not_found', 'HOUSEHOLD_NOT_FOUND', `Household ${householdId} is not registered.`, {
      householdId,
    });
  return state;
};

export const assertCanChange = (actor: Actor, household: HouseholdScope): void => {
  const access = canChangeHousehold(actor, household);
  if (!access.allowed)
    throw forbidden('HOUSEHOLD_OUT_OF_SCOPE', `You may not change this household: ${access.reason}.`, {
      streetOffice: household.streetOffice,
      unit: actor.unit,
      role: actor.role,
    });
};

export const duplicate = (what: string, id: string) =>
  new DomainError('conflict', 'DUPLICATE_ID', `This household already has a ${what} with id ${id}.`, { what, id });

/** Collects field problems so one answer lists everything wrong with a command. */
export class Problems {
  readonly list: FieldProblem[] = [];

  add(field: string, reason: string): void {
    this.list.push({ field, reason });
  }

  text(field: string, value: unknown): value is string {
    if (typeof value === 'string' && value.trim() !== '') return true;
    this.add(field, 'is required');
    return false;
  }

  /** A string that may be empty (e.g. "no needs found"). */
  string(field: string, value: unknown): value is string {
    if (typeof value === 'string') return true;
    this.add(field, 'is required (may be empty text)');
    return false;
  }

  optionalText(field: string, value: unknown): boolean {
    if (value === undefined || value === null) return true;
    return this.text(field, value);
  }

  date(field: string, value: unknown): value is string {
    if (isIsoDate(value)) return true;
    this.add(
      field,
      value === undefined || value === null || value === '' ? 'is required' : 'must be a date written YYYY-MM-DD',
    );
    return false;
  }

  notAfter(field: string, value: string, today: string): void {
    if (value > today) this.add(field, `must not be in the future (today is ${today})`);
  }

  oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): value is T {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return true;
    this.add(field, `must be one of: ${allowed.join(', ')}`);
    return false;
  }

  boolean(field: string, value: unknown): value is boolean {
    if (typeof value === 'boolean') return true;
    this.add(field, 'must be true or false');
    return false;
  }

  array(field: string, value: unknown, { nonEmpty }: { nonEmpty: boolean }): value is unknown[] {
    if (!Array.isArray(value)) {
      this.add(field, 'must be a list');
      return false;
    }
    if (nonEmpty && value.length === 0) {
      this.add(field, 'must list at least one entry');
      return false;
    }
    return true;
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw validationError(this.list);
  }
}
