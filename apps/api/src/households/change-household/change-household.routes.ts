import { HOUSEHOLD_COMMANDS, validateHouseholdCommandBody } from '@casework/domain';
import { commandRoutesOf } from '../../shared/command-routes';

/** Chinese names of the household commands, by route segment (as the console shows them). */
const TITLES_ZH: Readonly<Record<string, string>> = {
  register: '登记帮扶户',
  'change-status': '变更帮扶状态',
  'assign-cadre': '指定帮扶责任人',
  'reassign-cadre': '更换帮扶责任人',
  'adopt-plan': '制定帮扶方案',
  'add-measure': '增加帮扶措施',
  'complete-measure': '完成帮扶措施',
  'record-visit': '登记走访',
  'raise-risk': '登记风险',
  'eliminate-risk': '消除风险',
  'place-member': '登记就业安置',
  'record-left-work': '登记离岗',
  'record-check': '登记三排查',
  'link-case': '关联补贴案件',
};

/**
 * The household routes, from HOUSEHOLD_COMMANDS. The body is checked before the handler, as for
 * cases: a malformed body is a 400 naming the field whatever the caller's scope (the answer says
 * nothing about the household); a well-formed one from another street office is a 403.
 */
export const HOUSEHOLD_COMMAND_ROUTES = commandRoutesOf(HOUSEHOLD_COMMANDS, (spec) => spec.opensHousehold, TITLES_ZH, {
  aggregate: 'household',
  nounZh: '帮扶户',
  basePath: '/api/households',
  tag: 'households',
  checkBodyFirst: (name, body) => validateHouseholdCommandBody(name, body),
  documentOpener: true,
});
