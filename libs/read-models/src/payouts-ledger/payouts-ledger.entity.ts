import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The payouts ledger: one row per money movement a case event records, in integer fen.
 * Planned entries are the scheduled instalments (dated on their due day); the others are dated on
 * the day of the event (China time). Totals per programme, unit and month are sums over it.
 */
@Entity({ name: 'payout_entries' })
@Index('payout_entries_month_idx', ['month', 'programme', 'unit'])
@Index('payout_entries_on_date_idx', ['onDate'])
@Index('payout_entries_case_idx', ['caseId'])
export class PayoutEntryEntity {
  /** The event id, or `<event id>:<instalment number>` for the instalments of a schedule. */
  @PrimaryColumn({ name: 'entry_id', type: 'text' })
  entryId: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ name: 'global_seq', type: 'bigint' })
  globalSeq: string;

  @Column({ name: 'case_id', type: 'text' })
  caseId: string;

  @Column({ type: 'text' })
  programme: string;

  @Column({ type: 'text' })
  unit: string;

  @Column({ name: 'lead_unit', type: 'text' })
  leadUnit: string;

  /** planned | disbursed | failed | recovery_owed | repaid | written_off */
  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'on_date', type: 'date' })
  onDate: string;

  /** YYYY-MM of on_date. */
  @Column({ type: 'char', length: 7 })
  month: string;

  @Column({ name: 'amount_fen', type: 'bigint' })
  amountFen: string;

  @Column({ name: 'instalment_number', type: 'int', nullable: true })
  instalmentNumber: number | null;
}

/** What the ledger keeps per case between events: where it belongs and what each instalment is worth. */
@Entity({ name: 'payout_cases' })
export class PayoutCaseEntity {
  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId: string;

  @Column({ type: 'text' })
  programme: string;

  @Column({ type: 'text' })
  unit: string;

  @Column({ name: 'lead_unit', type: 'text' })
  leadUnit: string;

  /** Instalment number -> amount in fen, from the latest schedule. */
  @Column({ type: 'jsonb' })
  instalments: Record<string, number>;

  @Column({ type: 'int' })
  version: number;
}
