import type { Role } from '@casework/domain';

/** The one password of every demo account (documented in the README; demo data only). */
export const DEMO_PASSWORD = 'Casework-2020!';

export interface DemoAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unit: string;
  /** What the account is for, in the README's words. */
  purpose: string;
}

// Fixed ids so seeded cases and events refer to the same users on every machine.
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    id: id(1),
    username: 'caseworker',
    displayName: '【示例】王经办 (区人社局)',
    role: 'caseworker',
    unit: 'DISTRICT_HRSS',
    purpose: 'caseworker at the district bureau: opens and moves cases',
  },
  {
    id: id(2),
    username: 'caseworker2',
    displayName: '【示例】李经办 (区人社局)',
    role: 'caseworker',
    unit: 'DISTRICT_HRSS',
    purpose: 'a second district caseworker (accepts what the first opened)',
  },
  {
    id: id(3),
    username: 'caseworker.xiyi',
    displayName: '【示例】赵经办 (西一路街道)',
    role: 'caseworker',
    unit: 'STREET_XIYI',
    purpose: 'caseworker at the Xiyi Road street office: sees only its own cases',
  },
  {
    id: id(4),
    username: 'reviewer',
    displayName: '【示例】陈审核',
    role: 'reviewer',
    unit: 'DISTRICT_HRSS',
    purpose: 'district reviewer (复审)',
  },
  {
    id: id(5),
    username: 'reviewer2',
    displayName: '【示例】周审核',
    role: 'reviewer',
    unit: 'DISTRICT_HRSS',
    purpose: 'second reviewer (for separation of duties)',
  },
  {
    id: id(6),
    username: 'approver',
    displayName: '【示例】孙审批',
    role: 'approver',
    unit: 'DISTRICT_HRSS',
    purpose: 'approver (审批): approves after the public notice, approves write-offs',
  },
  {
    id: id(7),
    username: 'finance',
    displayName: '【示例】吴财政',
    role: 'finance',
    unit: 'FINANCE',
    purpose: 'finance officer: confirms disbursements, records failed payments',
  },
  {
    id: id(8),
    username: 'street.xiyi',
    displayName: '【示例】郑街道 (西一路)',
    role: 'street_staff',
    unit: 'STREET_XIYI',
    purpose: 'street office staff, Xiyi Road: household follow-up',
  },
  {
    id: id(9),
    username: 'street.changlezhong',
    displayName: '【示例】冯街道 (长乐中路)',
    role: 'street_staff',
    unit: 'STREET_CHANGLEZHONG',
    purpose: 'street office staff, Changle Middle Road: household follow-up',
  },
  {
    id: id(10),
    username: 'inspector',
    displayName: '【示例】何纪检',
    role: 'inspector',
    unit: 'DISCIPLINE',
    purpose: 'discipline inspector: reads any history, verifies the ledger',
  },
  {
    id: id(11),
    username: 'admin',
    displayName: '【示例】系统管理员',
    role: 'admin',
    unit: 'DISTRICT_HRSS',
    purpose: 'administrator: users, units, policy versions; decides no case',
  },
];

export function demoAccount(username: string): DemoAccount {
  const a = DEMO_ACCOUNTS.find((x) => x.username === username);
  if (!a) throw new Error(`No demo account "${username}"`);
  return a;
}
