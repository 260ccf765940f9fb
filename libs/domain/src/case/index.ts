import type { Decider } from '../shared/decider';
import type { CaseCommand } from './case.commands';
import { decide } from './case.decide';
import type { CaseEvent } from './case.events';
import { evolve, initialCaseState, type CaseState } from './case.state';

export * from './case.events';
export * from './case.commands';
export * from './case.state';
export * from './case.transitions';
export * from './case.catalogue';
export * from './case.decide';
export * from './separation-of-duties';

/** The case decider as one value: `{ decide, evolve, initialState }`. */
export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState> = {
  decide,
  evolve,
  initialState: initialCaseState,
};
