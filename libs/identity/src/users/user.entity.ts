import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@casework/domain';

/** A person who signs in. The role and unit stamp every event they cause. */
@Entity({ name: 'users' })
export class User {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Column({ type: 'varchar', length: 64 })
  unit: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Set by a password reset or a new account: the one-time password must be replaced at the next sign-in. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** What the rest of the system may know about a user (never the hash). */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unit: string;
}

export function toUserView(u: User): UserView {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, unit: u.unit };
}
