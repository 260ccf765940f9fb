/** What the append-only account record holds: every sign-in, failure, lockout, sign-out and account change. */
export const ACCOUNT_EVENT_KINDS = [
  'signed_in',
  'sign_in_failed',
  'locked_out',
  'signed_out',
  'session_expired',
  'password_changed',
  'password_reset',
  'user_created',
  'role_changed',
  'unit_changed',
  'user_deactivated',
  'sessions_revoked',
] as const;
export type AccountEventKind = (typeof ACCOUNT_EVENT_KINDS)[number];

/** The label an inspector reads. */
export const ACCOUNT_EVENT_LABELS: Record<AccountEventKind, string> = {
  signed_in: '登录成功',
  sign_in_failed: '登录失败',
  locked_out: '登录被锁定（失败次数过多）',
  signed_out: '退出登录',
  session_expired: '会话过期',
  password_changed: '修改密码',
  password_reset: '管理员重置密码',
  user_created: '创建用户',
  role_changed: '角色变更',
  unit_changed: '单位变更',
  user_deactivated: '停用账号',
  sessions_revoked: '撤销会话',
};
