export * from './eligibility.types';
export * from './calendar';
export * from './catalogue/catalogue.types';
export * from './identifiers';
