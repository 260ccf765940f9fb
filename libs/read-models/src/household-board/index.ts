import { HouseholdBoardEntity } from './household-board.entity';
import { HouseholdBoard1764200000000 } from './household-board.migration';

export * from './household-board.projection';
export * from './household-board.query';
export { HouseholdBoardEntity, HouseholdBoard1764200000000 };
