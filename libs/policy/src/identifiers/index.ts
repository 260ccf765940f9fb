export { makeResidentId, validateResidentId, type ResidentIdResult } from './resident-id';
export { makeCreditCode, validateCreditCode, type CreditCodeResult } from './credit-code';
