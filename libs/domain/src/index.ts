export * from './shared/actor';
export * from './shared/errors';
