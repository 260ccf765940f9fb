// Chinese names for the codes the API speaks in. Unknown codes show as they are.

export const ROLES = {
  caseworker: '经办人', reviewer: '审核人', approver: '审批人', finance: '财政', street_staff: '街道工作人员', inspector: '纪检监察', admin: '管理员',
};

export const UNITS = {
  DISTRICT_HRSS: '区人社局', FINANCE: '区财政局', DISCIPLINE: '区纪委监委',
  STREET_XIYI: '西一路街道', STREET_CHANGLEZHONG: '长乐中路街道', STREET_HANSENZHAI: '韩森寨街道', STREET_JIEFANGMEN: '解放门街道', STREET_ZHONGSHANMEN: '中山门街道',
};

export const CASE_STATES = {
  submitted: '已提交', returned_for_supplement: '退回补正', accepted: '已受理（待初审）', preliminary_review_passed: '初审通过（待复审）',
  district_review_passed: '复审通过（待公示）', in_public_notice: '公示中', public_notice_ended: '公示期满（待审批）', approved: '已审批',
  in_payout: '发放中', suspended: '已暂停', in_recovery: '追回中', closed: '已办结', rejected: '不予批准', withdrawn: '已撤回',
};

export const COMMANDS = {
  accept: '受理', returnForSupplement: '退回补正', resubmit: '补正后重新提交', passPreliminaryReview: '初审通过', passDistrictReview: '复审通过',
  startPublicNotice: '开始公示', raiseObjection: '登记异议', resolveObjection: '处理异议', endPublicNotice: '结束公示', approve: '审批通过',
  reject: '不予批准', schedulePayout: '安排发放', recordDisbursement: '登记已发放', recordPaymentFailure: '登记发放失败', retryPayment: '重新发放',
  suspend: '暂停发放', resume: '恢复发放', scheduleFollowUp: '安排回访', recordFollowUp: '登记回访结果', close: '办结', withdraw: '撤回申请',
  reopen: '重新办理', openRecovery: '启动追回', recordRepayment: '登记退回款', requestWriteOff: '申请核销', approveWriteOff: '批准核销', settleRecovery: '追回结清',
};

export const FIELDS = {
  note: '备注', reason: '理由', opinion: '意见', clause: '政策条款', startsOn: '公示开始日', workingDays: '公示工作日数', summary: '异议内容',
  objector: '异议人', objectionNumber: '异议序号', outcome: '处理结果', resolution: '处理意见', next: '后续处理', firstDueOn: '首次发放日',
  instalmentNumber: '期次', reference: '凭证号', dueOn: '应发日期', purpose: '回访目的', afterMonths: '几个月后回访', followUpNumber: '回访序号',
  finding: '回访结果', contractInForce: '劳动合同仍在履行', amountOwedFen: '应追回金额（分）', amountFen: '金额（分）', facts: '申请事实（JSON）',
  programme: '补贴项目', 'beneficiary.kind': '申请人类型', 'beneficiary.name': '申请人名称', 'beneficiary.idNumber': '身份证号',
  'beneficiary.creditCode': '统一社会信用代码', 'period.from': '补贴期间起', 'period.to': '补贴期间止', applicationDate: '受理日期',
};

export const ENUM_VALUES = {
  upheld: '异议成立', dismissed: '异议不成立', review: '退回复审', reject: '不予批准', person: '个人', enterprise: '单位',
  lifted: '已脱贫', not_lifted: '未脱贫', at_risk: '脱贫不稳定', edge: '边缘易致贫',
  head: '户主', spouse: '配偶', child: '子女', child_in_law: '儿媳/女婿', parent: '父母', grandchild: '孙子女', grandparent: '祖父母', sibling: '兄弟姐妹', other: '其他',
  full: '完全劳动能力', partial: '部分劳动能力', none: '无劳动能力',
  employed: '就业', unemployed: '未就业', student: '在校生', retired: '退休', unable: '无法就业',
  visit: '走访发现', data: '数据比对', low: '低', medium: '中', high: '高',
  zero_employment_household: '零就业家庭排查', unemployed_able_member: '有劳动能力未就业成员排查', unmet_employment_need: '就业需求未满足排查',
  clear: '未发现问题', issue_found: '发现问题',
};

/** Household commands (the catalogue's names) in Chinese. */
export const HOUSEHOLD_COMMANDS = {
  ChangeHouseholdStatus: '变更帮扶状态', AssignResponsibleCadre: '指定帮扶责任人', ReassignResponsibleCadre: '更换帮扶责任人',
  AdoptAssistancePlan: '制定帮扶方案', AddPlanMeasure: '增加帮扶措施', CompletePlanMeasure: '完成帮扶措施', RecordVisit: '登记走访',
  RaiseRiskFlag: '登记风险', EliminateRisk: '消除风险', PlaceMemberInWork: '登记就业安置', RecordMemberLeftWork: '登记离岗',
  RecordThreeChecks: '登记三排查', LinkSubsidyCase: '关联补贴案件', RegisterHousehold: '登记帮扶户',
};

/** Household body fields; a nested field by its path (cadre.name) when the bare name would mislead. */
export const HOUSEHOLD_FIELDS = {
  status: '帮扶状态', reason: '理由', cadre: '帮扶责任人', 'cadre.userId': '用户编号', 'cadre.name': '姓名', 'cadre.unit': '所在单位', 'cadre.phone': '联系电话',
  planId: '方案编号', summary: '方案概要', measures: '帮扶措施（JSON）', revisionReason: '修订理由', measure: '帮扶措施',
  measureId: '措施编号', description: '内容', owner: '责任人', targetDate: '目标日期', doneAt: '完成日期', note: '备注',
  visitId: '走访编号', date: '日期', visitor: '走访人', findings: '走访发现', needs: '需求', measuresTaken: '已采取措施', nextVisitDue: '下次走访日期',
  risks: '发现的风险（JSON）', riskId: '风险编号', source: '来源', severity: '严重程度',
  placementId: '安置编号', memberId: '家庭成员', employer: '就业单位', post: '岗位', startDate: '上岗日期', publicWelfarePost: '公益性岗位', caseId: '补贴案件编号',
  endDate: '离岗日期', checkId: '排查编号', kind: '排查类型', result: '排查结果', notes: '说明', programme: '补贴项目',
  village: '村（社区）', streetOffice: '街道', address: '住址', headMemberId: '户主成员编号', members: '家庭成员（JSON）', statusReason: '状态理由',
  name: '姓名', relation: '与户主关系', birthDate: '出生日期', idNumber: '身份证号', labourCapacity: '劳动能力', employmentStatus: '就业状况',
};

export const EVENTS = {
  CaseSubmitted: '提交申请', CaseAccepted: '受理', CaseReturnedForSupplement: '退回补正', CaseResubmitted: '补正后重新提交',
  PreliminaryReviewPassed: '初审通过', DistrictReviewPassed: '复审通过', PublicNoticeStarted: '开始公示', ObjectionRaised: '登记异议',
  ObjectionResolved: '处理异议', PublicNoticeEnded: '公示期满', CaseApproved: '审批通过', CaseRejected: '不予批准', PayoutScheduled: '安排发放',
  InstalmentDisbursed: '已发放', InstalmentPaymentFailed: '发放失败', InstalmentPaymentRetried: '重新发放', CaseSuspended: '暂停发放',
  CaseResumed: '恢复发放', FollowUpScheduled: '安排回访', FollowUpRecorded: '回访结果', CaseClosed: '办结', CaseWithdrawn: '撤回申请',
  CaseReopened: '重新办理', RecoveryOpened: '启动追回', RepaymentRecorded: '退回款', WriteOffRequested: '申请核销', WriteOffApproved: '批准核销',
  RecoverySettled: '追回结清', BenefitReserved: '享受资格占用', BenefitReleased: '享受资格释放', HouseholdRegistered: '帮扶户登记', VisitRecorded: '走访', RiskFlagRaised: '风险预警', RiskEliminated: '风险消除',
};

export const HOUSEHOLD_STATUSES = { lifted: '已脱贫', not_lifted: '未脱贫', at_risk: '脱贫不稳定', edge: '边缘易致贫' };

export const label = (map, code) => (code === null || code === undefined ? '—' : map[code] ?? code);
export const actorText = (a) => (a ? `${label(ROLES, a.role)} · ${label(UNITS, a.unit)}` : '—');
