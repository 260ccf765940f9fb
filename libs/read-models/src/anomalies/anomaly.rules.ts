import { DEFAULT_VISIT_INTERVALS } from '@casework/domain';
import {
  addDays,
  addWorkingDays,
  daysBetween,
  isWorkingDay,
  localDateOf,
  localHourOf,
  workingDaysBetween,
} from '@casework/kernel';
import { reservationClaims } from '@casework/policy';
import type { AnomalyEvidence, AnomalyHit, AnomalyRuleCode, AnomalyRuleInfo, AnomalyThresholds } from './anomaly.types';

/*
 * The anomaly rules: each is a pure function from read-model rows to hits, so it can be tested
 * without a database. The SQL that feeds them is in anomalies.query.ts.
 */

export const ANOMALY_RULES: Readonly<Record<AnomalyRuleCode, AnomalyRuleInfo>> = {
  DUPLICATE_BENEFIT: {
    code: 'DUPLICATE_BENEFIT',
    severity: 'high',
    titleZh: '重复享受补贴',
    titleEn: 'Same beneficiary paid twice',
    basis:
      'DESIGN §3: no double subsidy, guarded by a unique reservation; programme limits of the catalogue (e.g. (八) 一次性, (七)/(十六) not combined)',
    description:
      'Cases of the same beneficiary (ID number or credit code) that hold the same once-per-person, once-per-period or exclusive-group limit have all received money: the reservation was bypassed.',
  },
  DISBURSED_ABOVE_APPROVED: {
    code: 'DISBURSED_ABOVE_APPROVED',
    severity: 'high',
    titleZh: '发放金额超过核定金额',
    titleEn: 'Disbursed above the approved amount',
    basis: 'DESIGN §3: every payout follows an approval that records the amount and its formula',
    description:
      'The money disbursed on a case adds up to more than the amount last approved (or money was paid on a case never approved).',
  },
  DISBURSED_WHILE_STOPPED: {
    code: 'DISBURSED_WHILE_STOPPED',
    severity: 'high',
    titleZh: '暂停、撤回、办结或不予批准后仍发放',
    titleEn: 'Disbursed while suspended, withdrawn, closed or rejected',
    basis: 'DESIGN §3: suspension stops pending instalments; (十五)2 "stop if the person finds work"',
    description: 'A disbursement was recorded while the case stood suspended, withdrawn, closed or rejected.',
  },
  REPEATED_PAYMENT_FAILURE: {
    code: 'REPEATED_PAYMENT_FAILURE',
    severity: 'medium',
    titleZh: '同一笔发放多次失败',
    titleEn: 'Payment failed repeatedly',
    basis: 'DESIGN §1: finance records failed payments; repeated failures may mean a wrong or borrowed account',
    description: 'The same instalment failed to pay at least the threshold number of times.',
  },
  WRITE_OFF: {
    code: 'WRITE_OFF',
    severity: 'low',
    titleZh: '追回款核销',
    titleEn: 'Recovery written off',
    basis: 'DESIGN §3: a write-off of an improper payment needs approval; every write-off is listed for review',
    description: 'Money owed back was written off (approved); listed for the inspector to review.',
  },
  RECOVERY_OUTSTANDING: {
    code: 'RECOVERY_OUTSTANDING',
    severity: 'medium',
    titleZh: '追回款长期未结清',
    titleEn: 'Recovery outstanding too long',
    basis: 'DESIGN §3: recovery of an improper payment (追回)',
    description: 'A recovery was opened more than the threshold of working days ago and money is still owed.',
  },
  REOPENED_AFTER_REJECTION: {
    code: 'REOPENED_AFTER_REJECTION',
    severity: 'medium',
    titleZh: '不予批准后重新启动',
    titleEn: 'Reopened after rejection',
    basis: 'DESIGN §3: rejection cites a clause and a reason; reopening it deserves a second look',
    description: 'A case was reopened after it had been rejected.',
  },
  OFF_HOURS_DECISION: {
    code: 'OFF_HOURS_DECISION',
    severity: 'low',
    titleZh: '非工作日或夜间作出决定',
    titleEn: 'Decision outside working hours',
    basis: 'DESIGN §3: deadlines and office days follow the official holiday calendar (调休 included)',
    description:
      'An approval, rejection or write-off approval was recorded on a day offices are closed, or at night (China time).',
  },
  DECISION_VOLUME: {
    code: 'DECISION_VOLUME',
    severity: 'medium',
    titleZh: '单人单日决定过多',
    titleEn: 'Too many decisions by one user in a day',
    basis: 'DESIGN §1: separation of duties; a reviewer or approver reads why before deciding',
    description: 'One user approved or rejected more cases in one day (China time) than the threshold.',
  },
  STEP_OVERDUE: {
    code: 'STEP_OVERDUE',
    severity: 'medium',
    titleZh: '环节严重超期',
    titleEn: 'Step long overdue',
    basis: 'POLICY.md §4 service standards; (二十) accountability for units that fail their duties',
    description: 'The step the case waits in was due more than the threshold of working days ago.',
  },
  HOUSEHOLD_NOT_VISITED: {
    code: 'HOUSEHOLD_NOT_VISITED',
    severity: 'medium',
    titleZh: '监测户长期未走访',
    titleEn: 'Monitored household not visited',
    basis: 'POLICY.md §2, (十五)2: continuous one-to-one follow-up of the 157 households',
    description: "No visit for more than the threshold multiple of the household status's visit interval.",
  },
  ZERO_EMPLOYMENT_NOT_CLEARED: {
    code: 'ZERO_EMPLOYMENT_NOT_CLEARED',
    severity: 'high',
    titleZh: '零就业家庭未及时清零',
    titleEn: 'Zero-employment household not cleared',
    basis: 'POLICY.md §2, (十五)2: zero-employment households are cleared dynamically (动态清零)',
    description: 'A household has had no employed member for more than the threshold of days.',
  },
};

// ---- helpers --------------------------------------------------------------------------------------

const yuan = (fen: number): string => (fen / 100).toFixed(2);
const maxDate = (a: string, b: string) => (a > b ? a : b);

/**
 * The day a working-day limit was first exceeded: the (limit + 1)th working day after the start
 * (thresholds are whole numbers from 0). It counts with the kernel's calendar, as the rules'
 * workingDaysBetween does, so the day shown and the count that made the hit always agree; outside
 * CALENDAR_YEARS both fall back to Monday–Friday without holidays (as the old local loop did).
 */
const firstDayOver = (start: string, limit: number): string => addWorkingDays(start, limit + 1);

function hit(code: AnomalyRuleCode, rest: Omit<AnomalyHit, 'rule' | 'severity'>): AnomalyHit {
  return { rule: code, severity: ANOMALY_RULES[code].severity, ...rest };
}

/** A money movement of a case from the payouts ledger. */
export interface MoneyEntry {
  caseId: string;
  unit: string;
  eventId: string;
  globalSeq: string;
  onDate: string;
  amountFen: number;
  instalmentNumber: number | null;
}

const moneyEvidence = (type: string, e: MoneyEntry): AnomalyEvidence => ({
  caseId: e.caseId,
  eventId: e.eventId,
  globalSeq: e.globalSeq,
  type,
  onDate: e.onDate,
  amountFen: e.amountFen,
  ...(e.instalmentNumber !== null ? { instalmentNumber: e.instalmentNumber } : {}),
});
const bySeq = (a: { globalSeq: string }, b: { globalSeq: string }) => Number(a.globalSeq) - Number(b.globalSeq);

// ---- DUPLICATE_BENEFIT --------------------------------------------------------------------------

export interface BeneficiaryCase {
  caseId: string;
  programme: string;
  unit: string;
  beneficiaryKey: string | null;
  beneficiaryName: string;
  periodKey: string;
  disbursements: MoneyEntry[];
}

/** Groups paid cases by the reservation keys the catalogue gives them; a key held by more paid cases than its slots is a hit. */
export function detectDuplicateBenefit(cases: readonly BeneficiaryCase[]): AnomalyHit[] {
  const byKey = new Map<string, { slots: number; reason: string; clause: string; cases: BeneficiaryCase[] }>();
  for (const c of cases) {
    if (!c.beneficiaryKey || c.disbursements.length === 0) continue;
    let claims: ReturnType<typeof reservationClaims>;
    try {
      // The read model keeps only the year the period starts in: that year stands for the period.
      claims = reservationClaims(c.programme, {
        beneficiaryKey: c.beneficiaryKey,
        period: { from: `${c.periodKey}-01-01`, to: `${c.periodKey}-12-31` },
      });
    } catch {
      continue; // unknown programme: the catalogue sets no limit to check
    }
    for (const claim of claims) {
      const group = byKey.get(claim.key) ?? {
        slots: claim.slots,
        reason: claim.reason,
        clause: claim.clause,
        cases: [],
      };
      if (!group.cases.some((x) => x.caseId === c.caseId)) group.cases.push(c);
      byKey.set(claim.key, group);
    }
  }
  const hits: AnomalyHit[] = [];
  const reported = new Set<string>();
  for (const [key, g] of byKey) {
    if (g.cases.length <= g.slots) continue;
    // A monthly limit is one key per month: one hit per limit and set of cases, not one per month.
    const limit = `${key.slice(0, key.lastIndexOf(':'))}|${g.cases
      .map((c) => c.caseId)
      .sort()
      .join(',')}`;
    if (reported.has(limit)) continue;
    reported.add(limit);
    const firstPaid = (c: BeneficiaryCase): MoneyEntry => {
      const [first] = [...c.disbursements].sort(bySeq);
      if (!first) throw new Error(`DUPLICATE_BENEFIT: case ${c.caseId} has no disbursement`);
      return first;
    };
    const ordered = [...g.cases].sort((a, b) => bySeq(firstPaid(a), firstPaid(b)));
    // More cases than slots (checked above): the first case and the one past the slots are there.
    const [head] = ordered;
    const over = ordered[g.slots];
    if (!head || !over) continue;
    const breaking = firstPaid(over);
    const total = g.cases.reduce((s, c) => s + c.disbursements.reduce((t, d) => t + d.amountFen, 0), 0);
    const who = head.beneficiaryKey!; // cases without a key are left out above
    hits.push(
      hit('DUPLICATE_BENEFIT', {
        subject: { kind: 'beneficiary', id: who },
        unit: over.unit,
        onDate: breaking.onDate,
        explanation:
          `${who} (${head.beneficiaryName}) was paid in ${g.cases.length} cases (${ordered.map((c) => `${c.caseId} ${c.programme}`).join('; ')}), ` +
          `but the limit "${g.reason}" (clause ${g.clause}) allows ${g.slots}: ${yuan(total)} yuan paid in all.`,
        evidence: ordered.flatMap((c) =>
          [...c.disbursements].sort(bySeq).map((d) => moneyEvidence('InstalmentDisbursed', d)),
        ),
        figures: { reservationKey: key, slots: g.slots, paidCases: g.cases.length, disbursedFen: total },
      }),
    );
  }
  return hits;
}

// ---- DISBURSED_ABOVE_APPROVED ---------------------------------------------------------------------

export interface ApprovedCase {
  caseId: string;
  unit: string;
  approvedFen: number | null;
  approvedEventId: string | null;
  disbursements: MoneyEntry[];
}

export function detectDisbursedAboveApproved(cases: readonly ApprovedCase[]): AnomalyHit[] {
  const hits: AnomalyHit[] = [];
  for (const c of cases) {
    const approved = c.approvedFen ?? 0;
    let running = 0;
    const paid = [...c.disbursements].sort(bySeq);
    const crossing = paid.find((d) => (running += d.amountFen) > approved);
    if (!crossing) continue;
    const total = paid.reduce((s, d) => s + d.amountFen, 0);
    hits.push(
      hit('DISBURSED_ABOVE_APPROVED', {
        subject: { kind: 'case', id: c.caseId },
        unit: c.unit,
        onDate: crossing.onDate,
        explanation:
          c.approvedFen === null
            ? `Case ${c.caseId} was never approved, yet ${yuan(total)} yuan was disbursed on it.`
            : `Case ${c.caseId} was approved for ${yuan(approved)} yuan but ${yuan(total)} yuan was disbursed: ${yuan(total - approved)} yuan too much.`,
        evidence: [
          ...(c.approvedEventId
            ? [{ caseId: c.caseId, eventId: c.approvedEventId, type: 'CaseApproved', amountFen: approved }]
            : []),
          ...paid.map((d) => moneyEvidence('InstalmentDisbursed', d)),
        ],
        figures: { approvedFen: approved, disbursedFen: total, excessFen: total - approved },
      }),
    );
  }
  return hits;
}

// ---- DISBURSED_WHILE_STOPPED ----------------------------------------------------------------------

/** A case event from the audit trail, with the money of disbursements. */
export interface CaseTrailEvent {
  caseId: string;
  unit: string;
  eventId: string;
  globalSeq: string;
  streamVersion: number;
  type: string;
  occurredAt: string;
  amountFen: number | null;
  instalmentNumber: number | null;
}

const STOPPING: Record<string, string> = {
  CaseSuspended: 'suspended',
  CaseWithdrawn: 'withdrawn',
  CaseClosed: 'closed',
  CaseRejected: 'rejected',
};
const RESTARTING = new Set(['CaseResumed', 'CaseReopened']);

const trailEvidence = (e: CaseTrailEvent): AnomalyEvidence => ({
  caseId: e.caseId,
  eventId: e.eventId,
  globalSeq: e.globalSeq,
  type: e.type,
  at: e.occurredAt,
  onDate: localDateOf(e.occurredAt),
  ...(e.amountFen !== null ? { amountFen: e.amountFen } : {}),
  ...(e.instalmentNumber !== null ? { instalmentNumber: e.instalmentNumber } : {}),
});

function perCase(events: readonly CaseTrailEvent[]): CaseTrailEvent[][] {
  const groups = new Map<string, CaseTrailEvent[]>();
  for (const e of events) groups.set(e.caseId, [...(groups.get(e.caseId) ?? []), e]);
  return [...groups.values()].map((g) => g.sort((a, b) => a.streamVersion - b.streamVersion));
}

/** Walks each case's stop/restart events in stream order; a disbursement while stopped is a hit. */
export function detectDisbursedWhileStopped(events: readonly CaseTrailEvent[]): AnomalyHit[] {
  const hits: AnomalyHit[] = [];
  for (const trail of perCase(events)) {
    let stoppedBy: (CaseTrailEvent & { stoppedAs: string }) | null = null;
    for (const e of trail) {
      const stoppedAs = STOPPING[e.type];
      if (stoppedAs) stoppedBy = { ...e, stoppedAs };
      else if (RESTARTING.has(e.type)) stoppedBy = null;
      else if (e.type === 'InstalmentDisbursed' && stoppedBy) {
        hits.push(
          hit('DISBURSED_WHILE_STOPPED', {
            subject: { kind: 'case', id: e.caseId },
            unit: e.unit,
            onDate: localDateOf(e.occurredAt),
            explanation:
              `Instalment ${e.instalmentNumber ?? '?'} of case ${e.caseId} (${yuan(e.amountFen ?? 0)} yuan) was disbursed on ${localDateOf(e.occurredAt)}, ` +
              `after the case was ${stoppedBy.stoppedAs} on ${localDateOf(stoppedBy.occurredAt)} (event ${stoppedBy.globalSeq}) and before any resumption.`,
            evidence: [trailEvidence(stoppedBy), trailEvidence(e)],
            figures: { amountFen: e.amountFen ?? 0, stoppedAs: stoppedBy.stoppedAs },
          }),
        );
      }
    }
  }
  return hits;
}

// ---- REOPENED_AFTER_REJECTION ---------------------------------------------------------------------

export function detectReopenedAfterRejection(events: readonly CaseTrailEvent[]): AnomalyHit[] {
  const hits: AnomalyHit[] = [];
  for (const trail of perCase(events)) {
    let lastEnd: CaseTrailEvent | null = null;
    for (const e of trail) {
      if (e.type === 'CaseRejected' || e.type === 'CaseClosed') lastEnd = e;
      else if (e.type === 'CaseReopened' && lastEnd?.type === 'CaseRejected') {
        const rejectedOn = localDateOf(lastEnd.occurredAt);
        hits.push(
          hit('REOPENED_AFTER_REJECTION', {
            subject: { kind: 'case', id: e.caseId },
            unit: e.unit,
            onDate: localDateOf(e.occurredAt),
            explanation: `Case ${e.caseId} was rejected on ${rejectedOn} and reopened on ${localDateOf(e.occurredAt)}.`,
            evidence: [trailEvidence(lastEnd), trailEvidence(e)],
            figures: { daysAfterRejection: daysBetween(rejectedOn, localDateOf(e.occurredAt)) },
          }),
        );
        lastEnd = null;
      }
    }
  }
  return hits;
}

// ---- REPEATED_PAYMENT_FAILURE, WRITE_OFF ---------------------------------------------------------

export function detectRepeatedPaymentFailure(
  failures: readonly MoneyEntry[],
  t: Pick<AnomalyThresholds, 'failedPayments'>,
): AnomalyHit[] {
  const groups = new Map<string, MoneyEntry[]>();
  for (const f of failures) {
    const k = `${f.caseId}#${f.instalmentNumber}`;
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  const hits: AnomalyHit[] = [];
  for (const g of groups.values()) {
    if (g.length < t.failedPayments) continue;
    const sorted = [...g].sort(bySeq);
    // g has at least t.failedPayments entries (checked above).
    const [f] = sorted;
    const nth = sorted[t.failedPayments - 1];
    if (!f || !nth) continue;
    hits.push(
      hit('REPEATED_PAYMENT_FAILURE', {
        subject: { kind: 'case', id: f.caseId },
        unit: f.unit,
        onDate: nth.onDate,
        explanation: `Instalment ${f.instalmentNumber} of case ${f.caseId} (${yuan(f.amountFen)} yuan) failed to pay ${g.length} times (${sorted.map((x) => x.onDate).join(', ')}).`,
        evidence: sorted.map((x) => moneyEvidence('InstalmentPaymentFailed', x)),
        figures: { failures: g.length, amountFen: f.amountFen, instalmentNumber: f.instalmentNumber ?? 0 },
      }),
    );
  }
  return hits;
}

export function detectWriteOffs(writeOffs: readonly MoneyEntry[]): AnomalyHit[] {
  return writeOffs.map((w) =>
    hit('WRITE_OFF', {
      subject: { kind: 'case', id: w.caseId },
      unit: w.unit,
      onDate: w.onDate,
      explanation: `${yuan(w.amountFen)} yuan owed back on case ${w.caseId} was written off on ${w.onDate}.`,
      evidence: [moneyEvidence('WriteOffApproved', w)],
      figures: { amountFen: w.amountFen },
    }),
  );
}

// ---- RECOVERY_OUTSTANDING -------------------------------------------------------------------------

export interface RecoveryBalance {
  caseId: string;
  unit: string;
  /** The latest RecoveryOpened of the case. */
  opened: MoneyEntry;
  owedFen: number;
  repaidFen: number;
  writtenOffFen: number;
}

export function detectRecoveryOutstanding(
  recoveries: readonly RecoveryBalance[],
  asOf: string,
  t: Pick<AnomalyThresholds, 'recoveryWorkingDays'>,
): AnomalyHit[] {
  const hits: AnomalyHit[] = [];
  for (const r of recoveries) {
    const outstanding = r.owedFen - r.repaidFen - r.writtenOffFen;
    if (outstanding <= 0) continue;
    const open = workingDaysBetween(r.opened.onDate, asOf);
    if (open <= t.recoveryWorkingDays) continue;
    hits.push(
      hit('RECOVERY_OUTSTANDING', {
        subject: { kind: 'case', id: r.caseId },
        unit: r.unit,
        onDate: maxDate(r.opened.onDate, firstDayOver(r.opened.onDate, t.recoveryWorkingDays)),
        explanation:
          `Recovery on case ${r.caseId} opened on ${r.opened.onDate} for ${yuan(r.owedFen)} yuan: ${yuan(outstanding)} yuan still owed after ${open} working days ` +
          `(repaid ${yuan(r.repaidFen)}, written off ${yuan(r.writtenOffFen)}).`,
        evidence: [moneyEvidence('RecoveryOpened', r.opened)],
        figures: {
          owedFen: r.owedFen,
          repaidFen: r.repaidFen,
          writtenOffFen: r.writtenOffFen,
          outstandingFen: outstanding,
          workingDaysOpen: open,
        },
      }),
    );
  }
  return hits;
}

// ---- OFF_HOURS_DECISION, DECISION_VOLUME ---------------------------------------------------------

export interface Decision extends CaseTrailEvent {
  actorUserId: string;
  actorRole: string;
  actorUnit: string;
}

const DECISION_WORDS: Record<string, string> = {
  CaseApproved: 'approved',
  CaseRejected: 'rejected',
  WriteOffApproved: 'approved a write-off on',
};

export function detectOffHoursDecisions(
  decisions: readonly Decision[],
  t: Pick<AnomalyThresholds, 'nightStartHour' | 'nightEndHour'>,
): AnomalyHit[] {
  const hits: AnomalyHit[] = [];
  for (const d of decisions) {
    const day = localDateOf(d.occurredAt);
    const hour = localHourOf(d.occurredAt);
    const closed = !isWorkingDay(day);
    const night =
      t.nightStartHour > t.nightEndHour
        ? hour >= t.nightStartHour || hour < t.nightEndHour
        : hour >= t.nightStartHour && hour < t.nightEndHour;
    if (!closed && !night) continue;
    const when = [
      closed ? `${day} is not a working day` : null,
      night ? `${String(hour).padStart(2, '0')}:xx China time is at night` : null,
    ]
      .filter(Boolean)
      .join(' and ');
    hits.push(
      hit('OFF_HOURS_DECISION', {
        subject: { kind: 'case', id: d.caseId },
        unit: d.unit,
        onDate: day,
        explanation: `${d.actorUserId} (${d.actorRole}, ${d.actorUnit}) ${DECISION_WORDS[d.type] ?? d.type} case ${d.caseId} at ${d.occurredAt}: ${when}.`,
        evidence: [{ ...trailEvidence(d), note: `by ${d.actorUserId}` }],
        figures: { chinaHour: hour, workingDay: closed ? 'no' : 'yes', decidedBy: d.actorUserId },
      }),
    );
  }
  return hits;
}

export function detectDecisionVolume(
  decisions: readonly Decision[],
  t: Pick<AnomalyThresholds, 'decisionsPerDay'>,
): AnomalyHit[] {
  const groups = new Map<string, Decision[]>();
  for (const d of decisions) {
    if (d.type !== 'CaseApproved' && d.type !== 'CaseRejected') continue;
    const k = `${d.actorUserId}#${localDateOf(d.occurredAt)}`;
    groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  const hits: AnomalyHit[] = [];
  for (const g of groups.values()) {
    const cases = new Set(g.map((d) => d.caseId));
    if (cases.size <= t.decisionsPerDay) continue;
    const sorted = [...g].sort(bySeq);
    const [who] = sorted;
    if (!who) continue; // every group holds the decision that created it
    const day = localDateOf(who.occurredAt);
    const approved = sorted.filter((d) => d.type === 'CaseApproved').length;
    hits.push(
      hit('DECISION_VOLUME', {
        subject: { kind: 'user', id: who.actorUserId },
        unit: who.actorUnit,
        onDate: day,
        explanation: `${who.actorUserId} (${who.actorRole}, ${who.actorUnit}) decided ${cases.size} cases on ${day} (${approved} approved, ${sorted.length - approved} rejected); the threshold is ${t.decisionsPerDay}.`,
        evidence: sorted.map(trailEvidence),
        figures: { cases: cases.size, approved, rejected: sorted.length - approved, threshold: t.decisionsPerDay },
      }),
    );
  }
  return hits;
}

// ---- STEP_OVERDUE ---------------------------------------------------------------------------------

export interface QueuedCase {
  caseId: string;
  unit: string;
  state: string;
  assigneeRole: string | null;
  assigneeUnit: string | null;
  stateSince: string;
  dueOn: string;
  version: number;
}

export function detectOverdueSteps(
  queue: readonly QueuedCase[],
  asOf: string,
  t: Pick<AnomalyThresholds, 'overdueWorkingDays'>,
): AnomalyHit[] {
  const hits: AnomalyHit[] = [];
  for (const c of queue) {
    if (c.dueOn >= asOf) continue;
    const late = workingDaysBetween(c.dueOn, asOf);
    if (late <= t.overdueWorkingDays) continue;
    const holder = c.assigneeRole ? `${c.assigneeRole} of ${c.assigneeUnit}` : 'nobody';
    hits.push(
      hit('STEP_OVERDUE', {
        subject: { kind: 'case', id: c.caseId },
        unit: c.unit,
        onDate: firstDayOver(c.dueOn, t.overdueWorkingDays),
        explanation: `Case ${c.caseId} has waited in "${c.state}" since ${localDateOf(c.stateSince)} (held by ${holder}); it was due on ${c.dueOn}, ${late} working days ago.`,
        evidence: [
          {
            caseId: c.caseId,
            type: 'case_queue',
            at: c.stateSince,
            onDate: c.dueOn,
            note: `state ${c.state} at version ${c.version}`,
          },
        ],
        figures: { state: c.state, dueOn: c.dueOn, workingDaysOverdue: late },
      }),
    );
  }
  return hits;
}

// ---- HOUSEHOLD_NOT_VISITED, ZERO_EMPLOYMENT_NOT_CLEARED -------------------------------------------

export interface BoardHousehold {
  householdId: string;
  streetOffice: string;
  village: string;
  status: string;
  registeredOn: string;
  lastVisitOn: string | null;
}

export function detectHouseholdsNotVisited(
  households: readonly BoardHousehold[],
  asOf: string,
  t: Pick<AnomalyThresholds, 'visitIntervalFactor'>,
): AnomalyHit[] {
  const hits: AnomalyHit[] = [];
  for (const h of households) {
    const interval = (DEFAULT_VISIT_INTERVALS as Record<string, number>)[h.status];
    if (interval === undefined) continue;
    const since = h.lastVisitOn ?? h.registeredOn;
    const limit = interval * t.visitIntervalFactor;
    const days = daysBetween(since, asOf);
    if (days <= limit) continue;
    hits.push(
      hit('HOUSEHOLD_NOT_VISITED', {
        subject: { kind: 'household', id: h.householdId },
        unit: h.streetOffice,
        onDate: addDays(since, limit + 1),
        explanation:
          `Household ${h.householdId} (${h.village}, ${h.status}) has not been visited for ${days} days ` +
          `(${h.lastVisitOn ? `last visit ${h.lastVisitOn}` : `never visited since registration on ${h.registeredOn}`}); its interval is ${interval} days.`,
        evidence: [
          {
            householdId: h.householdId,
            type: 'household_board',
            onDate: since,
            note: h.lastVisitOn ? 'last visit' : 'registered, never visited',
          },
        ],
        figures: { daysWithoutVisit: days, intervalDays: interval, limitDays: limit },
      }),
    );
  }
  return hits;
}

export interface ZeroEmploymentHousehold {
  householdId: string;
  streetOffice: string;
  village: string;
  /** The latest ZeroEmploymentDetected of a household still zero-employment. */
  detectedEventId: string;
  detectedSeq: string;
  detectedAt: string;
}

export function detectZeroEmploymentNotCleared(
  households: readonly ZeroEmploymentHousehold[],
  asOf: string,
  t: Pick<AnomalyThresholds, 'zeroEmploymentDays'>,
): AnomalyHit[] {
  const hits: AnomalyHit[] = [];
  for (const h of households) {
    const since = localDateOf(h.detectedAt);
    const days = daysBetween(since, asOf);
    if (days <= t.zeroEmploymentDays) continue;
    hits.push(
      hit('ZERO_EMPLOYMENT_NOT_CLEARED', {
        subject: { kind: 'household', id: h.householdId },
        unit: h.streetOffice,
        onDate: addDays(since, t.zeroEmploymentDays + 1),
        explanation: `Household ${h.householdId} (${h.village}) has had no employed member since ${since}: ${days} days without placement.`,
        evidence: [
          {
            householdId: h.householdId,
            eventId: h.detectedEventId,
            globalSeq: h.detectedSeq,
            type: 'ZeroEmploymentDetected',
            at: h.detectedAt,
            onDate: since,
          },
        ],
        figures: { days, threshold: t.zeroEmploymentDays },
      }),
    );
  }
  return hits;
}
