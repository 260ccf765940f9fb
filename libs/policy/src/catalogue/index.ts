export * from './catalogue.types';
export {
  PROGRAMME_CODES,
  evaluateEligibility,
  getPolicyVersion,
  getProgramme,
  listProgrammes,
  policyVersionInForce,
  programmeFacts,
  readFact,
  reservationClaims,
  validateApplication,
  validateFacts,
} from './catalogue';
export { POLICY_VERSIONS } from './policy-versions.data';
