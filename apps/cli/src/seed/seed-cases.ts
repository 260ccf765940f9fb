import type { Actor, CaseCommandName, CaseStatus } from '@casework/domain';
import { CASE_STATUSES, caseStreamId } from '@casework/domain';
import type { EventStore } from '@casework/event-store';
import { demoAccount } from '@casework/identity';
import type { Clock } from '@casework/platform';
import { PROGRAMME_CODES, getProgramme } from '@casework/policy';
import { ChangeCaseCommand } from '../../../api/src/cases/change-case/change-case.command';
import { ChangeCaseHandler } from '../../../api/src/cases/change-case/change-case.handler';
import type { CaseView } from '../../../api/src/cases/shared/case.view';
import { nameBasedUuid } from '../../../api/src/shared/name-based-uuid';
import { OpenCaseCommand } from '../../../api/src/cases/open-case/open-case.command';
import { OpenCaseHandler } from '../../../api/src/cases/open-case/open-case.handler';
import { sampleApplication } from './sample-applications';

/** The states demo cases are left in; a programme without payout skips the payout states. */
export const SEEDED_STATES: readonly Exclude<CaseStatus, 'none'>[] = CASE_STATUSES.filter(
  (s): s is Exclude<CaseStatus, 'none'> => s !== 'none',
);
const PAYOUT_STATES = new Set<CaseStatus>(['in_payout', 'suspended', 'in_recovery']);
const SEED_START = '2020-11-16T02:00:00.000Z';
const SEED_POLICY_VERSION = '2020-xc-v2';

/** Moves forward a minute per command, or jumps when a step needs a later day. */
class SteppingClock implements Clock {
  private ms = Date.parse(SEED_START);
  now = (): Date => {
    this.ms += 60_000;
    return new Date(this.ms);
  };
  jumpTo(iso: string): void {
    this.ms = Math.max(this.ms, Date.parse(iso));
  }
}

const actor = (username: string): Actor => {
  const a = demoAccount(username);
  return { userId: a.id, role: a.role, unit: a.unit };
};

export interface SeedCasesResult {
  created: number;
  skipped: number;
}

/**
 * Demo cases of every programme in every state, made through the same handlers and decider as the
 * API (not raw inserts). Applicants are synthetic (【示例】, `synthetic: true`, valid check digits).
 * Idempotent: a case's id derives from its programme and state, and an existing one is skipped.
 */
export async function seedCases(
  store: EventStore,
  options: { programmes?: readonly string[]; states?: readonly Exclude<CaseStatus, 'none'>[] } = {},
): Promise<SeedCasesResult> {
  const result: SeedCasesResult = { created: 0, skipped: 0 };
  const programmes = options.programmes ?? PROGRAMME_CODES;
  const states = options.states ?? SEEDED_STATES;
  for (const [pi, programme] of programmes.entries()) {
    const { schedule } = getProgramme(programme, SEED_POLICY_VERSION);
    for (const [si, target] of states.entries()) {
      if (schedule === 'none' && PAYOUT_STATES.has(target)) continue;
      const key = `seed-${programme}-${target}`;
      const opener = actor('caseworker');
      const caseId = nameBasedUuid('case', opener.userId, key);
      if ((await store.streamVersion(caseStreamId(caseId))) > 0) {
        result.skipped++;
        continue;
      }
      await seedOne(store, programme, target, key, 5000 + pi * 100 + si, schedule);
      result.created++;
    }
  }
  return result;
}

async function seedOne(
  store: EventStore,
  programme: string,
  target: CaseStatus,
  key: string,
  n: number,
  schedule: string,
): Promise<void> {
  const clock = new SteppingClock();
  const open = new OpenCaseHandler(store, clock);
  const change = new ChangeCaseHandler(store, clock);
  const correlationId = nameBasedUuid('seed-correlation', key);
  const opened = await open.execute(
    new OpenCaseCommand({ ...sampleApplication(programme, n) }, actor('caseworker'), key, correlationId),
  );
  let view: CaseView = opened.view;
  let stepNo = 0;
  const step = async (
    name: Exclude<CaseCommandName, 'submit'>,
    username: string,
    body: Record<string, unknown> = {},
  ) => {
    const r = await change.execute(
      new ChangeCaseCommand(name, opened.caseId, body, {
        actor: actor(username),
        expectedVersion: view.version,
        commandId: nameBasedUuid('seed-step', key, String(++stepNo)),
        correlationId,
      }),
    );
    view = r.view;
  };
  const [clause] = getProgramme(programme, SEED_POLICY_VERSION).clauses;
  if (clause === undefined) throw new Error(`Programme ${programme} has no clause to cite in a seeded decision`);

  if (target === 'submitted') return;
  if (target === 'withdrawn') return step('withdraw', 'caseworker', { reason: '【示例】申请人主动撤回申请' });
  if (target === 'returned_for_supplement')
    return step('returnForSupplement', 'caseworker2', { reason: '【示例】缺少劳动合同复印件' });
  await step('accept', 'caseworker2');
  if (target === 'accepted') return;
  if (target === 'rejected') return step('reject', 'reviewer', { clause, reason: '【示例】不符合政策规定的条件' });
  await step('passPreliminaryReview', 'caseworker2', { opinion: '【示例】材料齐全，初审通过' });
  if (target === 'preliminary_review_passed') return;
  await step('passDistrictReview', 'reviewer', { opinion: '【示例】复审通过' });
  if (target === 'district_review_passed') return;
  await step('startPublicNotice', 'reviewer');
  if (target === 'in_public_notice') return;
  clock.jumpTo(`${(view as { due: { noticeEndsOn: string } }).due.noticeEndsOn}T10:00:00.000Z`);
  clock.jumpTo(new Date(clock.now().getTime() + 86_400_000).toISOString());
  await step('endPublicNotice', 'caseworker');
  if (target === 'public_notice_ended') return;
  await step('approve', 'approver', { clause });
  if (target === 'approved') return;
  if (schedule !== 'none') {
    await step('schedulePayout', 'finance', { firstDueOn: '2020-12-01' });
    await step('recordDisbursement', 'finance', { instalmentNumber: 1, reference: `【示例】BANK-${n}-1` });
    if (target === 'in_payout') return;
    if (target === 'suspended') return step('suspend', 'caseworker', { reason: '【示例】领取人已就业' });
    if (target === 'in_recovery') {
      const paid = (view as unknown as { disbursedFen: number }).disbursedFen;
      return step('openRecovery', 'caseworker', { amountOwedFen: paid, reason: '【示例】重复领取，需追回' });
    }
    const count = (view as unknown as { instalments: unknown[] }).instalments.length;
    for (let i = 2; i <= count; i++)
      await step('recordDisbursement', 'finance', { instalmentNumber: i, reference: `【示例】BANK-${n}-${i}` });
  }
  await step('scheduleFollowUp', 'caseworker', { purpose: '【示例】回访：劳动合同是否仍在履行', afterMonths: 1 });
  await step('recordFollowUp', 'caseworker', { followUpNumber: 1, finding: '【示例】仍在履行', contractInForce: true });
  await step('close', 'caseworker', { reason: '【示例】办结' });
}
