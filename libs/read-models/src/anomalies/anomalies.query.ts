import type { SqlReader } from '../accountability/sql-reader';
import { quoteIdent } from '../runner/projection';
import {
  ANOMALY_RULES,
  detectDecisionVolume,
  detectDisbursedAboveApproved,
  detectDisbursedWhileStopped,
  detectDuplicateBenefit,
  detectHouseholdsNotVisited,
  detectOffHoursDecisions,
  detectOverdueSteps,
  detectRecoveryOutstanding,
  detectRepeatedPaymentFailure,
  detectReopenedAfterRejection,
  detectWriteOffs,
  detectZeroEmploymentNotCleared,
  type BeneficiaryCase,
  type BoardHousehold,
  type CaseTrailEvent,
  type Decision,
  type MoneyEntry,
  type QueuedCase,
  type RecoveryBalance,
  type ZeroEmploymentHousehold,
} from './anomaly.rules';
import {
  ANOMALY_RULE_CODES,
  DEFAULT_ANOMALY_THRESHOLDS,
  type AnomalyHit,
  type AnomalyRuleCode,
  type AnomalyRuleInfo,
  type AnomalyThresholds,
} from './anomaly.types';

export interface AnomalyFilter {
  /** One rule code; all rules when absent. */
  rule?: AnomalyRuleCode;
  /** Inclusive ISO dates on the hits' onDate. */
  from?: string;
  to?: string;
  /** Case unit, street office, or the deciding user's unit. */
  unit?: string;
  /** The day state-like rules (overdue, outstanding, not visited) are judged on (China time). */
  asOf: string;
  thresholds?: Partial<AnomalyThresholds>;
}

export interface AnomalyReport {
  asOf: string;
  from: string | null;
  to: string | null;
  unit: string | null;
  thresholds: AnomalyThresholds;
  rules: (AnomalyRuleInfo & { hits: number })[];
  total: number;
  hits: AnomalyHit[];
}

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;
const TRAIL_TYPES = [
  'InstalmentDisbursed',
  'CaseSuspended',
  'CaseResumed',
  'CaseWithdrawn',
  'CaseClosed',
  'CaseRejected',
  'CaseReopened',
  'CaseApproved',
  'WriteOffApproved',
];
const DECISION_TYPES = new Set(['CaseApproved', 'CaseRejected', 'WriteOffApproved']);

/** Reads what the rules need from the read models, once per request, only for the rules asked for. */
class AnomalySources {
  private readonly memo = new Map<string, Promise<unknown>>();
  constructor(
    private readonly db: SqlReader,
    private readonly schema: string,
    private readonly asOf: string,
  ) {}

  private t(name: string): string {
    return `${quoteIdent(this.schema)}.${quoteIdent(name)}`;
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.memo.has(key)) this.memo.set(key, load());
    return this.memo.get(key) as Promise<T>;
  }

  /** Every money movement but the plan, oldest first. */
  money(): Promise<(MoneyEntry & { kind: string })[]> {
    return this.once('money', async () => {
      const { rows } = await this.db.query<{
        case_id: string;
        unit: string;
        event_id: string;
        global_seq: string;
        on_date: string;
        amount_fen: string;
        instalment_number: number | null;
        kind: string;
      }>(
        `select case_id, unit, event_id, global_seq::text as global_seq, to_char(on_date, 'YYYY-MM-DD') as on_date, amount_fen::text as amount_fen, instalment_number, kind
           from ${this.t('payout_entries')} where kind <> 'planned' order by global_seq, entry_id`,
      );
      return rows.map((r) => ({
        caseId: r.case_id,
        unit: r.unit,
        eventId: r.event_id,
        globalSeq: r.global_seq,
        onDate: r.on_date,
        amountFen: Number(r.amount_fen),
        instalmentNumber: r.instalment_number,
        kind: r.kind,
      }));
    });
  }

  async moneyOf(kind: string): Promise<MoneyEntry[]> {
    return (await this.money()).filter((m) => m.kind === kind);
  }

  /** Cases with at least one disbursement, with their beneficiary facts and approved amount. */
  paidCases(): Promise<(BeneficiaryCase & { approvedFen: number | null; approvedEventId: string | null })[]> {
    return this.once('paidCases', async () => {
      // The disbursements of each case, in the order the cases were first paid.
      const paidByCase = new Map<string, [MoneyEntry, ...MoneyEntry[]]>();
      for (const d of await this.moneyOf('disbursed')) {
        const paid = paidByCase.get(d.caseId);
        if (paid) paid.push(d);
        else paidByCase.set(d.caseId, [d]);
      }
      const ids = [...paidByCase.keys()];
      const { rows } = await this.db.query<{
        case_id: string;
        programme: string;
        unit: string;
        beneficiary_key: string | null;
        beneficiary_name: string;
        period_key: string;
        approved_fen: string | null;
        approved_event_id: string | null;
      }>(
        `select case_id, programme, unit, beneficiary_key, beneficiary_name, period_key, approved_fen::text as approved_fen, approved_event_id
           from ${this.t('anomaly_cases')} where case_id = any($1::text[])`,
        [ids],
      );
      const facts = new Map(rows.map((r) => [r.case_id, r]));
      return [...paidByCase].map(([caseId, paid]) => {
        const r = facts.get(caseId);
        return {
          caseId,
          programme: r?.programme ?? '',
          unit: r?.unit ?? paid[0].unit,
          beneficiaryKey: r?.beneficiary_key ?? null,
          beneficiaryName: r?.beneficiary_name ?? '',
          periodKey: r?.period_key ?? '',
          approvedFen: r?.approved_fen == null ? null : Number(r.approved_fen),
          approvedEventId: r?.approved_event_id ?? null,
          disbursements: paid,
        };
      });
    });
  }

  /** Case events that stop, restart, decide or pay, from the audit trail, with the case's unit. */
  trail(): Promise<Decision[]> {
    return this.once('trail', async () => {
      const { rows } = await this.db.query<{
        case_id: string;
        unit: string;
        event_id: string;
        global_seq: string;
        stream_version: number;
        event_type: string;
        occurred_at: Date;
        actor_user_id: string;
        actor_role: string;
        actor_unit: string;
        amount_fen: string | null;
        instalment_number: number | null;
      }>(
        `select a.case_id, coalesce(c.unit, a.actor_unit) as unit, a.event_id, a.global_seq::text as global_seq, a.stream_version, a.event_type,
                a.occurred_at, a.actor_user_id, a.actor_role, a.actor_unit, p.amount_fen::text as amount_fen, p.instalment_number
           from ${this.t('audit_events')} a
           left join ${this.t('anomaly_cases')} c on c.case_id = a.case_id
           left join ${this.t('payout_entries')} p on p.event_id = a.event_id and p.kind = 'disbursed'
          where a.stream_id like 'case-%' and a.event_type = any($1::text[])
          order by a.global_seq`,
        [TRAIL_TYPES],
      );
      return rows.map((r) => ({
        caseId: r.case_id,
        unit: r.unit,
        eventId: r.event_id,
        globalSeq: r.global_seq,
        streamVersion: r.stream_version,
        type: r.event_type,
        occurredAt: r.occurred_at.toISOString(),
        amountFen: r.amount_fen == null ? null : Number(r.amount_fen),
        instalmentNumber: r.instalment_number ?? null,
        actorUserId: r.actor_user_id,
        actorRole: r.actor_role,
        actorUnit: r.actor_unit,
      }));
    });
  }

  async recoveries(): Promise<RecoveryBalance[]> {
    const money = await this.money();
    const byCase = new Map<string, RecoveryBalance>();
    for (const m of money) {
      if (!['recovery_owed', 'repaid', 'written_off'].includes(m.kind)) continue;
      const r = byCase.get(m.caseId) ?? {
        caseId: m.caseId,
        unit: m.unit,
        opened: m,
        owedFen: 0,
        repaidFen: 0,
        writtenOffFen: 0,
      };
      if (m.kind === 'recovery_owed') {
        r.opened = m;
        r.owedFen += m.amountFen;
      } else if (m.kind === 'repaid') r.repaidFen += m.amountFen;
      else r.writtenOffFen += m.amountFen;
      byCase.set(m.caseId, r);
    }
    return [...byCase.values()].filter((r) => r.owedFen > 0);
  }

  async overdueQueue(): Promise<QueuedCase[]> {
    const { rows } = await this.db.query<{
      case_id: string;
      unit: string;
      state: string;
      assignee_role: string | null;
      assignee_unit: string | null;
      state_since: Date;
      due_on: string;
      version: number;
    }>(
      `select case_id, unit, state, assignee_role, assignee_unit, state_since, to_char(due_on, 'YYYY-MM-DD') as due_on, version
         from ${this.t('case_queue')} where due_on is not null and due_on < $1::date order by due_on, case_id`,
      [this.asOf],
    );
    return rows.map((r) => ({
      caseId: r.case_id,
      unit: r.unit,
      state: r.state,
      assigneeRole: r.assignee_role,
      assigneeUnit: r.assignee_unit,
      stateSince: r.state_since.toISOString(),
      dueOn: r.due_on,
      version: r.version,
    }));
  }

  async households(): Promise<BoardHousehold[]> {
    const { rows } = await this.db.query<{
      household_id: string;
      street_office: string;
      village: string;
      status: string;
      registered_on: string;
      last_visit_on: string | null;
    }>(
      `select household_id, street_office, village, status, to_char((registered_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as registered_on,
              to_char(last_visit_on, 'YYYY-MM-DD') as last_visit_on
         from ${this.t('household_board')} order by household_id`,
    );
    return rows.map((r) => ({
      householdId: r.household_id,
      streetOffice: r.street_office,
      village: r.village,
      status: r.status,
      registeredOn: r.registered_on,
      lastVisitOn: r.last_visit_on,
    }));
  }

  async zeroEmployment(): Promise<ZeroEmploymentHousehold[]> {
    const { rows } = await this.db.query<{
      household_id: string;
      street_office: string;
      village: string;
      event_id: string;
      global_seq: string;
      occurred_at: Date;
    }>(
      `select b.household_id, b.street_office, b.village, z.event_id, z.global_seq::text as global_seq, z.occurred_at
         from ${this.t('household_board')} b
         join lateral (select event_id, global_seq, occurred_at from ${this.t('audit_events')} a
                        where a.household_id = b.household_id and a.event_type = 'ZeroEmploymentDetected'
                        order by a.global_seq desc limit 1) z on true
        where b.zero_employment order by b.household_id`,
    );
    return rows.map((r) => ({
      householdId: r.household_id,
      streetOffice: r.street_office,
      village: r.village,
      detectedEventId: r.event_id,
      detectedSeq: r.global_seq,
      detectedAt: r.occurred_at.toISOString(),
    }));
  }
}

type RuleRunner = (s: AnomalySources, t: AnomalyThresholds, asOf: string) => Promise<AnomalyHit[]>;

const RUNNERS: Record<AnomalyRuleCode, RuleRunner> = {
  DUPLICATE_BENEFIT: async (s) => detectDuplicateBenefit(await s.paidCases()),
  DISBURSED_ABOVE_APPROVED: async (s) => detectDisbursedAboveApproved(await s.paidCases()),
  DISBURSED_WHILE_STOPPED: async (s) => detectDisbursedWhileStopped(await s.trail()),
  REPEATED_PAYMENT_FAILURE: async (s, t) => detectRepeatedPaymentFailure(await s.moneyOf('failed'), t),
  WRITE_OFF: async (s) => detectWriteOffs(await s.moneyOf('written_off')),
  RECOVERY_OUTSTANDING: async (s, t, asOf) => detectRecoveryOutstanding(await s.recoveries(), asOf, t),
  REOPENED_AFTER_REJECTION: async (s) => detectReopenedAfterRejection(await s.trail()),
  OFF_HOURS_DECISION: async (s, t) =>
    detectOffHoursDecisions(
      (await s.trail()).filter((e: CaseTrailEvent) => DECISION_TYPES.has(e.type)),
      t,
    ),
  DECISION_VOLUME: async (s, t) => detectDecisionVolume(await s.trail(), t),
  STEP_OVERDUE: async (s, t, asOf) => detectOverdueSteps(await s.overdueQueue(), asOf, t),
  HOUSEHOLD_NOT_VISITED: async (s, t, asOf) => detectHouseholdsNotVisited(await s.households(), asOf, t),
  ZERO_EMPLOYMENT_NOT_CLEARED: async (s, t, asOf) => detectZeroEmploymentNotCleared(await s.zeroEmployment(), asOf, t),
};

/** The anomaly list for inspectors (DESIGN §1, §6): every rule's hits, filtered by rule, day and unit. */
export async function readAnomalies(db: SqlReader, schema: string, filter: AnomalyFilter): Promise<AnomalyReport> {
  const thresholds: AnomalyThresholds = { ...DEFAULT_ANOMALY_THRESHOLDS, ...filter.thresholds };
  const codes = filter.rule ? [filter.rule] : [...ANOMALY_RULE_CODES];
  const sources = new AnomalySources(db, schema, filter.asOf);
  const perRule = new Map<AnomalyRuleCode, AnomalyHit[]>();
  // One rule after another: the sources are shared and the read is one request's worth.
  for (const code of codes) {
    const hits = (await RUNNERS[code](sources, thresholds, filter.asOf)).filter(
      (h) =>
        (filter.from === undefined || h.onDate >= filter.from) &&
        (filter.to === undefined || h.onDate <= filter.to) &&
        (filter.unit === undefined || h.unit === filter.unit),
    );
    perRule.set(code, hits);
  }
  const hits = [...perRule.values()]
    .flat()
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        a.rule.localeCompare(b.rule) ||
        a.onDate.localeCompare(b.onDate) ||
        a.subject.id.localeCompare(b.subject.id),
    );
  return {
    asOf: filter.asOf,
    from: filter.from ?? null,
    to: filter.to ?? null,
    unit: filter.unit ?? null,
    thresholds,
    // The loop above set every code.
    rules: codes.map((code) => ({ ...ANOMALY_RULES[code], hits: perRule.get(code)!.length })),
    total: hits.length,
    hits,
  };
}
