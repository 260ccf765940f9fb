import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What the anomaly rules need of a case that no other read model keeps: who benefits (the
 * programme's beneficiary fact, the key the no-double-subsidy reservations are taken on), the
 * period key of those reservations and the amount last approved.
 */
@Entity({ name: 'anomaly_cases' })
@Index('anomaly_cases_beneficiary_idx', ['beneficiaryKey'])
export class AnomalyCaseEntity {
  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId: string;

  @Column({ type: 'text' })
  programme: string;

  @Column({ type: 'text' })
  unit: string;

  /** ID number or credit code (upper case); null when the case names none. */
  @Column({ name: 'beneficiary_key', type: 'text', nullable: true })
  beneficiaryKey: string | null;

  @Column({ name: 'beneficiary_name', type: 'text' })
  beneficiaryName: string;

  /** The year the application's period starts in: the period key of the reservations. */
  @Column({ name: 'period_key', type: 'text' })
  periodKey: string;

  /** Amount of the latest CaseApproved, integer fen; null while never approved. */
  @Column({ name: 'approved_fen', type: 'bigint', nullable: true })
  approvedFen: string | null;

  @Column({ name: 'approved_event_id', type: 'text', nullable: true })
  approvedEventId: string | null;

  @Column({ type: 'int' })
  version: number;
}
