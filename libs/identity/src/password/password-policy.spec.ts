import { DEMO_PASSWORD } from '../seed/demo-accounts';
import { oneTimePassword, passwordProblem } from './password-policy';

describe('password policy', () => {
  it('accepts a long password that is neither the username nor published', () => {
    expect(passwordProblem('correct horse battery', 'caseworker')).toBeNull();
  });

  it('refuses fewer than 12 characters, counting characters, not bytes', () => {
    expect(passwordProblem('short-pass1', 'x')).toMatch(/at least 12/);
    expect(passwordProblem('稳岗就业政策审核员的口令', 'x')).toBeNull(); // 12 characters, 36 bytes
    expect(passwordProblem('稳岗就业政策审核员口令', 'x')).toMatch(/至少 12/); // 11
  });

  it('refuses the username in any case', () => {
    expect(passwordProblem('Caseworker.Xiyi', 'caseworker.xiyi')).toMatch(/username/);
  });

  it('refuses the published demo password in any case', () => {
    expect(passwordProblem(DEMO_PASSWORD, 'someone')).toMatch(/demo password/);
    expect(passwordProblem(DEMO_PASSWORD.toUpperCase(), 'someone')).toMatch(/demo password/);
  });

  it('makes one-time passwords that pass the policy and differ', () => {
    const a = oneTimePassword();
    expect(a).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
    expect(passwordProblem(a, 'someone')).toBeNull();
    expect(oneTimePassword()).not.toBe(a);
  });
});
