export * from './household-board.projection';
export * from './household-board.query';
export { HouseholdBoard1764200000000 } from './household-board.migration';
