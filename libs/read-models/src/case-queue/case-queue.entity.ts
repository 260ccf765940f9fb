import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Case queues: one row per case, as the work lists filter and sort it. */
@Entity({ name: 'case_queue' })
@Index('case_queue_state_idx', ['state'])
@Index('case_queue_programme_idx', ['programme'])
@Index('case_queue_unit_idx', ['unit'])
@Index('case_queue_assignee_idx', ['assigneeRole', 'assigneeUnit'])
@Index('case_queue_due_idx', ['dueOn'])
export class CaseQueueEntity {
  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId: string;

  @Column({ name: 'stream_id', type: 'text' })
  streamId: string;

  @Column({ type: 'text' })
  state: string;

  @Column({ type: 'text' })
  programme: string;

  @Column({ type: 'text' })
  unit: string;

  @Column({ name: 'beneficiary_name', type: 'text' })
  beneficiaryName: string;

  /** Role that holds the next step, or null when nobody has to act (closed, withdrawn, ...). */
  @Column({ name: 'assignee_role', type: 'text', nullable: true })
  assigneeRole: string | null;

  @Column({ name: 'assignee_unit', type: 'text', nullable: true })
  assigneeUnit: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'state_since', type: 'timestamptz' })
  stateSince: Date;

  @Column({ name: 'last_event_at', type: 'timestamptz' })
  lastEventAt: Date;

  /** The next step is due on this day (working days from state_since); null when no deadline runs. */
  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'int' })
  version: number;

  /** What the fold needs beyond the columns (e.g. the state before a suspension). */
  @Column({ type: 'jsonb' })
  memo: Record<string, unknown>;
}
