export * from './shared/actor';
export * from './shared/body-fields';
export * from './case';
export * from './household';
