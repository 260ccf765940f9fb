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

export const ENUM_VALUES = { upheld: '异议成立', dismissed: '异议不成立', review: '退回复审', reject: '不予批准', person: '个人', enterprise: '单位' };

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
