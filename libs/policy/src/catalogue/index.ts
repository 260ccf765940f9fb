export * from './catalogue.types';
export {
  PROGRAMME_CODES,
  evaluateEligibility,
  getPolicyVersion,
  getProgramme,
  isProgrammeClause,
  MAX_RESERVED_MONTHS,
  programmeEnd,
  listProgrammes,
  policyVersionInForce,
  programmeFacts,
  readFact,
  reservationClaims,
  validateApplication,
  validateFacts,
} from './catalogue';
export { deriveFacts, type Derivation } from './derived-facts';
export { LOCAL_END_DATE, POLICY_VERSIONS } from './policy-versions.data';
export { RELIEF_KINDS } from './programmes.data';
