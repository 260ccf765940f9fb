import { forbidden } from '@casework/kernel';
import type { CaseCommand, CaseCommandName } from './case.commands';
import type { CaseEventType } from './case.events';
import type { OpenCaseState } from './case.state';

/** What a step means in a sentence ("X <did> this case"). */
const DID: Partial<Record<CaseEventType, string>> = {
  CaseSubmitted: 'opened',
  PreliminaryReviewPassed: 'passed the preliminary review (初审) of',
  DistrictReviewPassed: 'passed the district review (复审) of',
  InstalmentDisbursed: 'recorded a disbursement on',
  WriteOffRequested: 'requested the write-off on',
};

const ACTS: Partial<Record<CaseCommandName, string>> = {
  passPreliminaryReview: 'review it',
  passDistrictReview: 'review it',
  reject: 'decide on it',
  resolveObjection: 'decide on its objections',
  approve: 'approve it',
  approveWriteOff: 'approve its write-off',
};

/**
 * Who may not do what on the same case (DESIGN §1): the caseworker who opened it decides nothing
 * on it; its reviewers cannot approve it; whoever paid out on it, or asked for the write-off,
 * cannot approve the write-off. Each rule: the command it guards, and the earlier steps whose
 * author is barred.
 */
export const SEPARATION_OF_DUTIES: readonly { command: CaseCommandName; barredSteps: readonly CaseEventType[] }[] = [
  { command: 'passPreliminaryReview', barredSteps: ['CaseSubmitted'] },
  { command: 'passDistrictReview', barredSteps: ['CaseSubmitted'] },
  { command: 'reject', barredSteps: ['CaseSubmitted'] },
  { command: 'resolveObjection', barredSteps: ['CaseSubmitted'] },
  { command: 'approve', barredSteps: ['CaseSubmitted', 'PreliminaryReviewPassed', 'DistrictReviewPassed'] },
  { command: 'approveWriteOff', barredSteps: ['InstalmentDisbursed', 'WriteOffRequested'] },
];

export function checkSeparationOfDuties(command: CaseCommand, state: OpenCaseState): void {
  for (const rule of SEPARATION_OF_DUTIES) {
    if (rule.command !== command.type) continue;
    const earlier = state.steps.find((s) => rule.barredSteps.includes(s.step) && s.by.userId === command.actor.userId);
    if (!earlier) continue;
    const who = `${earlier.by.userId} (${earlier.by.role}, ${earlier.by.unit})`;
    throw forbidden(
      'SEPARATION_OF_DUTIES',
      `${who} ${DID[earlier.step]} this case at ${earlier.at}, so the same person may not ${ACTS[command.type]}.`,
      { userId: command.actor.userId, command: command.type, earlierStep: earlier.step, earlierAt: earlier.at },
    );
  }
}
