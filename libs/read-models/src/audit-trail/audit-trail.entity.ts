import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The audit trail: one row per event, who/when/why/under which policy version, with its chain hash. */
@Entity({ name: 'audit_events' })
@Index('audit_events_position_idx', ['commit', 'prepare'])
@Index('audit_events_recorded_at_idx', ['recordedAt'])
@Index('audit_events_actor_idx', ['actorUserId'])
@Index('audit_events_unit_idx', ['actorUnit'])
@Index('audit_events_case_idx', ['caseId'])
@Index('audit_events_household_idx', ['householdId'])
@Index('audit_events_type_idx', ['eventType'])
export class AuditEventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ name: 'global_seq', type: 'bigint' })
  globalSeq: string;

  @Column({ type: 'numeric', precision: 20, scale: 0 })
  commit: string;

  @Column({ type: 'numeric', precision: 20, scale: 0 })
  prepare: string;

  @Column({ name: 'stream_id', type: 'text' })
  streamId: string;

  @Column({ name: 'stream_version', type: 'int' })
  streamVersion: number;

  @Column({ name: 'case_id', type: 'text', nullable: true })
  caseId: string | null;

  @Column({ name: 'household_id', type: 'text', nullable: true })
  householdId: string | null;

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  @Column({ name: 'actor_user_id', type: 'text' })
  actorUserId: string;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole: string;

  @Column({ name: 'actor_unit', type: 'text' })
  actorUnit: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text', nullable: true })
  clause: string | null;

  @Column({ name: 'policy_version', type: 'text', nullable: true })
  policyVersion: string | null;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId: string | null;

  @Column({ name: 'command_id', type: 'text', nullable: true })
  commandId: string | null;

  @Column({ type: 'char', length: 64 })
  hash: string;
}

/** Reads of personal data by inspectors and across units (DESIGN §1): who, when, what, why. */
@Entity({ name: 'audit_reads' })
@Index('audit_reads_read_at_idx', ['readAt'])
@Index('audit_reads_subject_idx', ['subjectType', 'subjectId'])
export class AuditReadEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'read_at', type: 'timestamptz' })
  readAt: Date;

  @Column({ name: 'user_id', type: 'text' })
  userId: string;

  @Column({ type: 'text' })
  role: string;

  @Column({ type: 'text' })
  unit: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId: string;

  @Column({ type: 'text' })
  purpose: string;

  @Column({ type: 'jsonb', nullable: true })
  detail: Record<string, unknown> | null;
}
