export * from './shared/actor';
export type { Decider } from './shared/decider';
export * from './shared/errors';
export * from './shared/body-fields';
export * from './shared/time';
export * from './case';
export * from './household';
