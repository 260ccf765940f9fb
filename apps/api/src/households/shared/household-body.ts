import { validationError } from '@casework/kernel';
import { validateHouseholdCommandBody, type HouseholdCommandType } from '@casework/domain';

/**
 * The body's shape checked against HOUSEHOLD_COMMANDS before the decider sees it, so the decider's
 * business rules always get the types they expect: nothing a client sends makes them throw anything
 * but a DomainError. Every problem at once, each naming its field.
 */
export function checkHouseholdBody(type: HouseholdCommandType, body: unknown): Record<string, unknown> {
  const problems = validateHouseholdCommandBody(type, body);
  if (problems.length) throw validationError(problems);
  return body as Record<string, unknown>;
}
