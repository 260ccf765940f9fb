export * from './eligibility.types';
export * from './calendar';
export * from './identifiers';
export * from './catalogue';
export type { FieldProblem } from './shared/errors';
