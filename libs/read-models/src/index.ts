// Read models: TypeORM entities, migrations, projections, checkpoints (filled by the projections work).
export const READ_MODEL_ENTITIES: Function[] = [];
export const READ_MODEL_MIGRATIONS: Function[] = [];
