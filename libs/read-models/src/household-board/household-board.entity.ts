import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The household board (DESIGN §5): one row per monitored household with what the street office
 * filters on. Due dates are stored, not "overdue" flags: overdue depends on the day the board is
 * read, so the query compares the dates with that day and the row never goes stale overnight.
 */
@Entity({ name: 'household_board' })
@Index('household_board_office_idx', ['streetOffice', 'status'])
@Index('household_board_village_idx', ['village'])
@Index('household_board_cadre_idx', ['cadreUserId'])
@Index('household_board_visit_due_idx', ['nextVisitDue'])
@Index('household_board_measure_due_idx', ['nextMeasureDue'])
@Index('household_board_plan_due_idx', ['planDueBy'])
export class HouseholdBoardEntity {
  @PrimaryColumn({ name: 'household_id', type: 'text' })
  householdId: string;

  @Column({ name: 'stream_id', type: 'text' })
  streamId: string;

  @Column({ type: 'text' })
  village: string;

  @Column({ name: 'street_office', type: 'text' })
  streetOffice: string;

  @Column({ type: 'text' })
  address: string;

  @Column({ name: 'head_name', type: 'text' })
  headName: string;

  @Column({ type: 'text' })
  status: string;

  @Column({ name: 'member_count', type: 'int' })
  memberCount: number;

  @Column({ name: 'cadre_user_id', type: 'text', nullable: true })
  cadreUserId: string | null;

  @Column({ name: 'cadre_name', type: 'text', nullable: true })
  cadreName: string | null;

  @Column({ name: 'plan_id', type: 'text', nullable: true })
  planId: string | null;

  /** Set while the household is not_lifted without its individualised plan. */
  @Column({ name: 'plan_due_by', type: 'date', nullable: true })
  planDueBy: string | null;

  @Column({ name: 'last_visit_on', type: 'date', nullable: true })
  lastVisitOn: string | null;

  @Column({ name: 'next_visit_due', type: 'date', nullable: true })
  nextVisitDue: string | null;

  @Column({ name: 'open_measures', type: 'int' })
  openMeasures: number;

  /** Earliest target date among the plan's open measures. */
  @Column({ name: 'next_measure_due', type: 'date', nullable: true })
  nextMeasureDue: string | null;

  @Column({ name: 'open_risks', type: 'int' })
  openRisks: number;

  @Column({ name: 'zero_employment', type: 'boolean' })
  zeroEmployment: boolean;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  @Column({ name: 'last_event_at', type: 'timestamptz' })
  lastEventAt: Date;

  @Column({ type: 'int' })
  version: number;

  /** The folded household, so the next batch continues from it without reading the stream. */
  @Column({ type: 'jsonb' })
  state: Record<string, unknown>;
}
