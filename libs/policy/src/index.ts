export * from './eligibility.types';
export * from './identifiers';
export * from './catalogue';
export * from './persons/retirement';
