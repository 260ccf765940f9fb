import { CASE_COMMANDS, validateCommandBody } from '@casework/domain';
import { commandRoutesOf } from '../../shared/command-routes';

/** Chinese names of the case commands, by route segment (as the console shows them). */
const TITLES_ZH: Readonly<Record<string, string>> = {
  submit: '提交申请',
  accept: '受理',
  'return-for-supplement': '退回补正',
  resubmit: '补正后重新提交',
  'pass-preliminary-review': '初审通过',
  'pass-district-review': '复审通过',
  'start-public-notice': '开始公示',
  'raise-objection': '登记异议',
  'resolve-objection': '处理异议',
  'end-public-notice': '结束公示',
  approve: '审批通过',
  reject: '不予批准',
  'schedule-payout': '安排发放',
  'record-disbursement': '登记已发放',
  'record-payment-failure': '登记发放失败',
  'retry-payment': '重新发放',
  suspend: '暂停发放',
  resume: '恢复发放',
  'schedule-follow-up': '安排回访',
  'record-follow-up': '登记回访结果',
  close: '办结',
  withdraw: '撤回申请',
  reopen: '重新办理',
  'open-recovery': '启动追回',
  'record-repayment': '登记退回款',
  'request-write-off': '申请核销',
  'approve-write-off': '批准核销',
  'settle-recovery': '追回结清',
};

/**
 * The case workflow's routes, from CASE_COMMANDS. The body is checked before the handler: a
 * malformed body is a 400 naming the field whatever the case's state or the caller's role.
 */
export const CASE_COMMAND_ROUTES = commandRoutesOf(CASE_COMMANDS, (spec) => spec.opensCase, TITLES_ZH, {
  aggregate: 'case',
  nounZh: '案件',
  basePath: '/api/cases',
  tag: 'case workflow',
  checkBodyFirst: (name, body) => validateCommandBody(name, body),
  // POST /api/cases also takes applicationDate, which the handler reads: its request DTO documents it.
  documentOpener: false,
});
