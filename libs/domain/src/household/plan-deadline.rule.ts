import { addWorkingDays, localDateOf } from '@casework/kernel';

/**
 * A household that becomes not_lifted without an individualised plan (at registration or by a
 * status change) is not blocked: the street office gets this many working days to adopt the plan.
 * Blocking the change would leave the household in a status we know is wrong until the plan is
 * written; a deadline keeps the truth and makes the gap visible (planRequired, missingPlan).
 */
export const PLAN_DEADLINE_WORKING_DAYS = 10;

/** The day the plan is due for a household that became not_lifted at instant `at`. */
export const planDueBy = (at: string): string => addWorkingDays(localDateOf(at), PLAN_DEADLINE_WORKING_DAYS);
