import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Where each projection is in the global order; moved in the same transaction as its read model. */
@Entity({ name: 'projection_checkpoints' })
export class ProjectionCheckpointEntity {
  @PrimaryColumn({ type: 'text' })
  name: string;

  @Column({ type: 'numeric', precision: 20, scale: 0 })
  commit: string;

  @Column({ type: 'numeric', precision: 20, scale: 0 })
  prepare: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** An event a projection could not apply; while unresolved it blocks that projection. */
@Entity({ name: 'projection_failures' })
@Index('projection_failures_open_idx', ['projection'], { where: 'resolved_at IS NULL' })
export class ProjectionFailureEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  projection: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ name: 'global_seq', type: 'bigint' })
  globalSeq: string;

  @Column({ type: 'numeric', precision: 20, scale: 0 })
  commit: string;

  @Column({ type: 'numeric', precision: 20, scale: 0 })
  prepare: string;

  @Column({ name: 'stream_id', type: 'text' })
  streamId: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  @Column({ type: 'text' })
  error: string;

  @Column({ type: 'text', nullable: true })
  stack: string | null;

  @Column({ name: 'failed_at', type: 'timestamptz' })
  failedAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
