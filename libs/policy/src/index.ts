export * from './eligibility.types';
export * from './calendar';
export * from './identifiers';
export * from './catalogue';
export * from './persons/retirement';
export type { FieldProblem } from './shared/errors';
