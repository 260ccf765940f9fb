import { DataSource } from 'typeorm';
import { verifyPassword } from '../password/password-hash';
import { User, UserView, toUserView } from './user.entity';

// Compared against when the username is unknown, so a miss takes as long as a wrong password.
const DUMMY_HASH = 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export type SignInResult =
  | { ok: true; user: UserView; mustChangePassword: boolean }
  | { ok: false; reason: 'unknown_user' | 'wrong_password' | 'inactive'; userId: string | null };

/** Looks users up and checks passwords. */
export class UserDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<UserView | null> {
    const u = await this.dataSource.getRepository(User).findOneBy({ id, active: true });
    return u ? toUserView(u) : null;
  }

  /**
   * A sign-in attempt judged for the record: the user on success, else why it failed and, when the
   * username names an account, whose it is. The caller tells the client only "wrong".
   */
  async signIn(username: string, password: string): Promise<SignInResult> {
    const u = await this.dataSource.getRepository(User).findOneBy({ username });
    const ok = await verifyPassword(password, u?.passwordHash ?? DUMMY_HASH);
    if (!u) return { ok: false, reason: 'unknown_user', userId: null };
    if (!ok) return { ok: false, reason: 'wrong_password', userId: u.id };
    if (!u.active) return { ok: false, reason: 'inactive', userId: u.id };
    return { ok: true, user: toUserView(u), mustChangePassword: u.mustChangePassword };
  }

  /** The user when the password matches an active account, else null (never says which part was wrong). */
  async authenticate(username: string, password: string): Promise<UserView | null> {
    const u = await this.dataSource.getRepository(User).findOneBy({ username });
    const ok = await verifyPassword(password, u?.passwordHash ?? DUMMY_HASH);
    return u && u.active && ok ? toUserView(u) : null;
  }
}
