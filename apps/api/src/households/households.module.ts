import { Module } from '@nestjs/common';
import { ChangeHouseholdHttpController } from './change-household/change-household.http.controller';
import { GetHouseholdBoardHttpController } from './get-household-board/get-household-board.http.controller';
import { GetHouseholdBoardHandler } from './get-household-board/get-household-board.query';
import { GetHouseholdHistoryHttpController } from './get-household-history/get-household-history.http.controller';
import { GetHouseholdHistoryHandler } from './get-household-history/get-household-history.query';
import { GetHouseholdHttpController } from './get-household/get-household.http.controller';
import { GetHouseholdHandler } from './get-household/get-household.query';
import { RegisterHouseholdHandler } from './register-household/register-household.handler';
import { RegisterHouseholdHttpController } from './register-household/register-household.http.controller';
import { ChangeHouseholdHandler } from './shared/change-household.handler';

/** Monitored households (POLICY.md §2): registration, follow-up commands, the board, reads in scope. */
@Module({
  controllers: [
    // The board before `:id` routes, so GET /api/households is never read as an id.
    GetHouseholdBoardHttpController,
    RegisterHouseholdHttpController,
    GetHouseholdHttpController,
    GetHouseholdHistoryHttpController,
    ChangeHouseholdHttpController,
  ],
  providers: [
    RegisterHouseholdHandler,
    ChangeHouseholdHandler,
    GetHouseholdHandler,
    GetHouseholdHistoryHandler,
    GetHouseholdBoardHandler,
  ],
})
export class HouseholdsModule {}
