// Users, roles, units, authentication, authorisation scopes (filled by the identity use cases).
export const IDENTITY_ENTITIES: Function[] = [];
export const IDENTITY_MIGRATIONS: Function[] = [];
