import { hashPassword, verifyPassword } from './password-hash';

describe('password hashes', () => {
  it('verifies the password it was made from and stores its parameters', async () => {
    const h = await hashPassword('s3cret-密码');
    expect(h).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    await expect(verifyPassword('s3cret-密码', h)).resolves.toBe(true);
    await expect(verifyPassword('s3cret-密码 ', h)).resolves.toBe(false);
  });

  it('salts: the same password hashes differently twice', async () => {
    expect(await hashPassword('x')).not.toBe(await hashPassword('x'));
  });

  it('never matches a malformed stored hash', async () => {
    for (const bad of [
      '',
      'plain',
      'scrypt$1$2$3',
      'bcrypt$16384$8$1$AA==$AA==',
      'scrypt$0$8$1$AA==$AA==',
      'scrypt$16384$8$1$$',
    ]) {
      await expect(verifyPassword('x', bad)).resolves.toBe(false);
    }
  });
});
