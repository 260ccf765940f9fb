import type { CaseEvent } from '@casework/domain';
import { localDateOf } from '@casework/kernel';

export const PAYOUT_ENTRY_KINDS = ['planned', 'disbursed', 'failed', 'recovery_owed', 'repaid', 'written_off'] as const;
export type PayoutEntryKind = (typeof PAYOUT_ENTRY_KINDS)[number];

export interface PayoutEntry {
  /** Unique per event and instalment. */
  suffix: string | null;
  kind: PayoutEntryKind;
  onDate: string;
  amountFen: number;
  instalmentNumber: number | null;
}

/**
 * The money an event moves, and the per-case memo after it. A failed payment carries no amount:
 * it is the scheduled amount of that instalment, so the memo keeps the schedule.
 */
export function payoutEntriesOf(
  instalments: Record<string, number>,
  event: CaseEvent,
): { entries: PayoutEntry[]; instalments: Record<string, number> } {
  const day = localDateOf(event.data.at);
  const one = (kind: PayoutEntryKind, amountFen: number, instalmentNumber: number | null = null): PayoutEntry[] => [
    { suffix: null, kind, onDate: day, amountFen, instalmentNumber },
  ];
  switch (event.type) {
    case 'PayoutScheduled':
      return {
        entries: event.data.instalments.map((i) => ({
          suffix: String(i.number),
          kind: 'planned',
          onDate: i.dueOn,
          amountFen: i.amountFen,
          instalmentNumber: i.number,
        })),
        instalments: Object.fromEntries(event.data.instalments.map((i) => [String(i.number), i.amountFen])),
      };
    case 'InstalmentDisbursed':
      return { entries: one('disbursed', event.data.amountFen, event.data.instalmentNumber), instalments };
    case 'InstalmentPaymentFailed': {
      const amount = instalments[String(event.data.instalmentNumber)];
      if (amount === undefined)
        throw new Error(`payment of instalment ${event.data.instalmentNumber} failed, but no schedule has it`);
      return { entries: one('failed', amount, event.data.instalmentNumber), instalments };
    }
    case 'RecoveryOpened':
      return { entries: one('recovery_owed', event.data.amountOwedFen), instalments };
    case 'RepaymentRecorded':
      return { entries: one('repaid', event.data.amountFen), instalments };
    case 'WriteOffApproved':
      return { entries: one('written_off', event.data.amountFen), instalments };
    case 'CaseSubmitted':
    case 'CaseAccepted':
    case 'CaseReturnedForSupplement':
    case 'CaseResubmitted':
    case 'PreliminaryReviewPassed':
    case 'DistrictReviewPassed':
    case 'PublicNoticeStarted':
    case 'ObjectionRaised':
    case 'ObjectionResolved':
    case 'PublicNoticeEnded':
    case 'CaseApproved':
    case 'CaseRejected':
    case 'InstalmentPaymentRetried':
    case 'CaseSuspended':
    case 'CaseResumed':
    case 'FollowUpScheduled':
    case 'FollowUpRecorded':
    case 'CaseClosed':
    case 'CaseWithdrawn':
    case 'CaseReopened':
    case 'WriteOffRequested':
    case 'RecoverySettled':
      return { entries: [], instalments };
    default: {
      const _exhaustive: never = event;
      throw new Error(`payouts ledger: unknown case event ${(_exhaustive as { type: string }).type}`);
    }
  }
}
