import { decide } from './case.decide';
import { evolve, initialCaseState } from './case.state';

export * from './case.events';
export * from './case.commands';
export * from './case.state';
export * from './case.transitions';
export * from './case.catalogue';
export * from './case.decide';
export * from './separation-of-duties';

/** The case decider as one value: `{ decide, evolve, initialState }`. */
export const caseDecider = { decide, evolve, initialState: initialCaseState };
