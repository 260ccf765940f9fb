import { Module } from '@nestjs/common';
import { ChangeHouseholdHttpController } from './change-household/change-household.http.controller';
import { GetHouseholdHttpController } from './get-household/get-household.http.controller';
import { HouseholdBoardHttpController } from './household-board/household-board.http.controller';
import { HouseholdHistoryHttpController } from './household-history/household-history.http.controller';
import { RegisterHouseholdHandler } from './register-household/register-household.handler';
import { RegisterHouseholdHttpController } from './register-household/register-household.http.controller';
import { ChangeHouseholdHandler } from './shared/change-household.handler';

/** Monitored households (POLICY.md §2): registration, follow-up commands, the board, reads in scope. */
@Module({
  controllers: [
    // The board before `:id` routes, so GET /api/households is never read as an id.
    HouseholdBoardHttpController,
    RegisterHouseholdHttpController,
    GetHouseholdHttpController,
    HouseholdHistoryHttpController,
    ChangeHouseholdHttpController,
  ],
  providers: [RegisterHouseholdHandler, ChangeHouseholdHandler],
})
export class HouseholdsModule {}
