export * from './eligibility.types';
export * from './identifiers';
export * from './catalogue';
