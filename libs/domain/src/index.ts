export * from './shared/actor';
export type { Decider } from './shared/decider';
export * from './shared/body-fields';
export * from './case';
export * from './household';
