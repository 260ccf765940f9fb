import { DataSource } from 'typeorm';
import { verifyPassword } from '../password/password-hash';
import { User, UserView, toUserView } from './user.entity';

// Compared against when the username is unknown, so a miss takes as long as a wrong password.
const DUMMY_HASH = 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Looks users up and checks passwords. */
export class UserDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<UserView | null> {
    const u = await this.dataSource.getRepository(User).findOneBy({ id, active: true });
    return u ? toUserView(u) : null;
  }

  /** The user when the password matches an active account, else null (never says which part was wrong). */
  async authenticate(username: string, password: string): Promise<UserView | null> {
    const u = await this.dataSource.getRepository(User).findOneBy({ username });
    const ok = await verifyPassword(password, u?.passwordHash ?? DUMMY_HASH);
    return u && u.active && ok ? toUserView(u) : null;
  }
}
