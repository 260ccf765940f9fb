import { Module } from '@nestjs/common';
import { AddPlanMeasureHttpController } from './add-plan-measure/add-plan-measure.http.controller';
import { AdoptAssistancePlanHttpController } from './adopt-assistance-plan/adopt-assistance-plan.http.controller';
import { AssignResponsibleCadreHttpController } from './assign-responsible-cadre/assign-responsible-cadre.http.controller';
import { ChangeHouseholdStatusHttpController } from './change-household-status/change-household-status.http.controller';
import { CompletePlanMeasureHttpController } from './complete-plan-measure/complete-plan-measure.http.controller';
import { EliminateRiskHttpController } from './eliminate-risk/eliminate-risk.http.controller';
import { GetHouseholdHttpController } from './get-household/get-household.http.controller';
import { HouseholdBoardHttpController } from './household-board/household-board.http.controller';
import { HouseholdHistoryHttpController } from './household-history/household-history.http.controller';
import { LinkSubsidyCaseHttpController } from './link-subsidy-case/link-subsidy-case.http.controller';
import { PlaceMemberInWorkHttpController } from './place-member-in-work/place-member-in-work.http.controller';
import { RaiseRiskFlagHttpController } from './raise-risk-flag/raise-risk-flag.http.controller';
import { ReassignResponsibleCadreHttpController } from './reassign-responsible-cadre/reassign-responsible-cadre.http.controller';
import { RecordMemberLeftWorkHttpController } from './record-member-left-work/record-member-left-work.http.controller';
import { RecordThreeChecksHttpController } from './record-three-checks/record-three-checks.http.controller';
import { RecordVisitHttpController } from './record-visit/record-visit.http.controller';
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
    ChangeHouseholdStatusHttpController,
    AssignResponsibleCadreHttpController,
    ReassignResponsibleCadreHttpController,
    AdoptAssistancePlanHttpController,
    AddPlanMeasureHttpController,
    CompletePlanMeasureHttpController,
    RecordVisitHttpController,
    RaiseRiskFlagHttpController,
    EliminateRiskHttpController,
    PlaceMemberInWorkHttpController,
    RecordMemberLeftWorkHttpController,
    RecordThreeChecksHttpController,
    LinkSubsidyCaseHttpController,
  ],
  providers: [RegisterHouseholdHandler, ChangeHouseholdHandler],
})
export class HouseholdsModule {}
