import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One row per case: where it stands, who it belongs to, how it was decided. Also the fold's memo. */
@Entity({ name: 'accountability_cases' })
@Index('accountability_cases_unit_idx', ['unit'])
export class AccountabilityCaseEntity {
  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId: string;

  @Column({ type: 'text' })
  programme: string;

  /** The unit that opened the case (a street office or the district bureau). */
  @Column({ type: 'text' })
  unit: string;

  /** 牵头单位 of the programme (POLICY.md §3). */
  @Column({ name: 'lead_unit', type: 'text' })
  leadUnit: string;

  @Column({ type: 'text' })
  state: string;

  @Column({ name: 'state_since', type: 'timestamptz' })
  stateSince: Date;

  /** Number of the step the case is in now; null in a terminal state. */
  @Column({ name: 'open_step', type: 'int', nullable: true })
  openStep: number | null;

  @Column({ name: 'step_count', type: 'int' })
  stepCount: number;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  /** approved | rejected, the latest decision; null while undecided. */
  @Column({ type: 'text', nullable: true })
  decision: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'int' })
  objections: number;

  /** Due-date memo shared with the case queue (public notice end, open instalments, follow-ups). */
  @Column({ type: 'jsonb' })
  memo: Record<string, unknown>;

  @Column({ type: 'int' })
  version: number;
}

/** Each stay of a case in a step: who held it, when it was due, how many working days it took. */
@Entity({ name: 'accountability_steps' })
@Index('accountability_steps_left_idx', ['leftOn'])
@Index('accountability_steps_open_idx', ['dueOn'], { where: 'left_at IS NULL' })
export class AccountabilityStepEntity {
  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId: string;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  /** The case status during the step (e.g. accepted = waiting for the preliminary review). */
  @Column({ type: 'text' })
  step: string;

  @Column({ type: 'text' })
  programme: string;

  @Column({ type: 'text' })
  unit: string;

  @Column({ name: 'lead_unit', type: 'text' })
  leadUnit: string;

  @Column({ name: 'holder_role', type: 'text', nullable: true })
  holderRole: string | null;

  @Column({ name: 'holder_unit', type: 'text', nullable: true })
  holderUnit: string | null;

  @Column({ name: 'entered_at', type: 'timestamptz' })
  enteredAt: Date;

  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt: Date | null;

  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn: string | null;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  /** Working days from entering to leaving (China calendar); null while open. */
  @Column({ name: 'working_days', type: 'int', nullable: true })
  workingDays: number | null;
}

/** Countable happenings with their day: received, approved, rejected, objection, visit, risk_raised, ... */
@Entity({ name: 'accountability_facts' })
@Index('accountability_facts_day_idx', ['onDate', 'kind'])
export class AccountabilityFactEntity {
  @PrimaryColumn({ name: 'fact_id', type: 'text' })
  factId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'on_date', type: 'date' })
  onDate: string;

  @Column({ name: 'case_id', type: 'text', nullable: true })
  caseId: string | null;

  @Column({ name: 'household_id', type: 'text', nullable: true })
  householdId: string | null;

  @Column({ type: 'text', nullable: true })
  programme: string | null;

  @Column({ type: 'text' })
  unit: string;

  @Column({ name: 'lead_unit', type: 'text' })
  leadUnit: string;
}

/** Follow-up of each monitored household by its street office: when the next visit is due. */
@Entity({ name: 'accountability_households' })
@Index('accountability_households_office_idx', ['streetOffice'])
export class AccountabilityHouseholdEntity {
  @PrimaryColumn({ name: 'household_id', type: 'text' })
  householdId: string;

  @Column({ name: 'street_office', type: 'text' })
  streetOffice: string;

  @Column({ type: 'text' })
  village: string;

  @Column({ type: 'text' })
  status: string;

  @Column({ name: 'registered_on', type: 'date' })
  registeredOn: string;

  @Column({ name: 'last_visit_on', type: 'date', nullable: true })
  lastVisitOn: string | null;

  /** The next-visit day the last visitor set. */
  @Column({ name: 'last_visit_next_due', type: 'date', nullable: true })
  lastVisitNextDue: string | null;

  @Column({ name: 'next_visit_due', type: 'date' })
  nextVisitDue: string;

  @Column({ name: 'zero_employment', type: 'boolean' })
  zeroEmployment: boolean;

  @Column({ name: 'open_risks', type: 'int' })
  openRisks: number;

  @Column({ type: 'int' })
  version: number;
}

/**
 * Figures the bureau enters against the targets of POLICY.md §4 (e.g. new urban jobs in a month).
 * Rows are never changed: a corrected figure is a new row, the latest per indicator, period and unit counts.
 */
@Entity({ name: 'target_figures' })
@Index('target_figures_key_idx', ['indicator', 'period', 'unit'])
export class TargetFigureEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  indicator: string;

  /** YYYY-MM */
  @Column({ type: 'char', length: 7 })
  period: string;

  @Column({ type: 'text' })
  unit: string;

  @Column({ type: 'numeric', precision: 14, scale: 4 })
  value: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'entered_by', type: 'text' })
  enteredBy: string;

  @Column({ name: 'entered_role', type: 'text' })
  enteredRole: string;

  @Column({ name: 'entered_unit', type: 'text' })
  enteredUnit: string;

  @Column({ name: 'entered_at', type: 'timestamptz' })
  enteredAt: Date;
}
