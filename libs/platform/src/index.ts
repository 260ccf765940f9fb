export * from './config/config';
export * from './database/data-source';
export * from './database/embedded-postgres';
export * from './database/infrastructure';
export * from './http/problem-details.filter';
export * from './http/validation';
export * from './platform.module';
export * from './platform.tokens';
