import type { ParameterValue, PolicyVersion, Programme, ProgrammeEnd } from './catalogue.types';
import { PROGRAMMES } from './programmes.data';

const yuan = (y: number) => y * 100;
const doc = (value: number, unit: ParameterValue['unit'], clause: string, description: string): ParameterValue => ({
  value,
  unit,
  clause,
  description,
  example: false,
});
/** A figure the document leaves to a city or district standard: demo value only. */
const example = (value: number, unit: ParameterValue['unit'], clause: string, description: string): ParameterValue => ({
  value,
  unit,
  clause,
  description,
  example: true,
});

const V1_PARAMETERS: PolicyVersion['parameters'] = {
  HIRING_GRADUATE_ONE_OFF: {
    amountPerPersonFen: doc(yuan(1000), 'fen', '(七)', 'One-off hiring subsidy per graduate'),
  },
  SOCIAL_INSURANCE_EMPLOYER: {
    monthlyDifficultyFen: doc(yuan(500), 'fen', '(七)', 'Monthly subsidy for an employment-difficulty person'),
    monthlyGraduateFen: doc(yuan(600), 'fen', '(七)', 'Monthly subsidy for a graduate'),
    subsidyMonths: example(12, 'months', '(七)', 'Subsidy period ("按规定": city standard)'),
  },
  SOCIAL_INSURANCE_FLEXIBLE: {
    monthlyDifficultyFen: doc(yuan(500), 'fen', '(十六)', 'Monthly subsidy for an employment-difficulty person'),
    monthlyGraduateFen: doc(yuan(600), 'fen', '(十六)', 'Monthly subsidy for a graduate'),
    subsidyMonths: example(12, 'months', '(十六)', 'Subsidy period ("按规定": city standard)'),
  },
  JOB_RETENTION_REFUND: {
    smeRefundPercent: doc(100, 'percent', '(五)', 'Refund share of last year\'s premiums for SMEs ("最高可提至100%")'),
    cityMonthlyBenefit2019Fen: example(
      yuan(1539),
      'fen',
      '(五)',
      'City 2019 monthly per-capita unemployment-insurance benefit',
    ),
  },
  STARTUP_ONE_OFF: {
    subsidyFen: doc(yuan(3000), 'fen', '(八)', 'One-off start-up subsidy per founder (before the raise)'),
  },
  STARTUP_SERVICE: {
    amountPerFounderFen: doc(yuan(2000), 'fen', '(八)', 'Service subsidy per founder helped to open an online shop'),
  },
  STARTUP_LOAN_INTEREST: {
    interestSubsidyRateBasisPoints: example(
      385,
      'basis_points',
      '(八)',
      'Subsidised annual interest rate (e.g. the 1-year LPR)',
    ),
    maxSubsidisedMonths: example(24, 'months', '(八)', 'Longest subsidised loan term'),
    maxSubsidisedLoans: doc(3, 'count', '(八)', 'Subsidised loans per borrower, cumulative'),
  },
  INTERNSHIP_RETENTION: {
    retentionFen: example(yuan(1000), 'fen', '(十三)2', 'One-off internship retention subsidy'),
  },
  UNEMPLOYMENT_SUBSIDY: {
    cityBenefitStandardFen: example(
      yuan(1539),
      'fen',
      '(十五)2',
      'City monthly unemployment-insurance benefit standard',
    ),
    months: doc(6, 'months', '(十五)2', 'Months of unemployment subsidy'),
  },
  PUBLIC_WELFARE_POST: {
    districtPostStandardFen: example(
      yuan(1800),
      'fen',
      '(十五)3',
      'District monthly public-welfare-post subsidy standard',
    ),
    maxMonths: doc(6, 'months', '(十五)3', 'Longest subsidy period'),
  },
  TRAINING_SUBSIDY: {
    catalogueJuniorFen: example(yuan(1000), 'fen', '(十)', 'Training catalogue rate, junior level'),
    catalogueIntermediateFen: example(yuan(1500), 'fen', '(十)', 'Training catalogue rate, intermediate level'),
    catalogueSeniorFen: example(yuan(2000), 'fen', '(十)', 'Training catalogue rate, senior level'),
    livingAllowanceFen: example(yuan(300), 'fen', '(十)', 'Living allowance for a trainee from a family in hardship'),
  },
  JOB_SEEKING_SUBSIDY: {
    amountFen: example(yuan(1500), 'fen', '(十三)1', 'One-off job-seeking and start-up subsidy'),
  },
  SOCIAL_INSURANCE_DEFERRAL: {
    maxMonths: doc(6, 'months', '(四)', 'Longest deferral from the month of arrears'),
  },
};

/**
 * 本区规则（示例）: the last application date where the document sets none. The document's horizon is
 * "今明两年" (2020 and 2021: "今明两年各级事业单位空缺岗位……", and (十三)1 extends 就业奖 only to
 * 2021-06-30), so the district's example end is 2021-12-31 until the bureau or a later notice sets one.
 * Change the date here (one place) to configure it; the label stays until it is confirmed.
 */
export const LOCAL_END_DATE = '2021-12-31';
const localEnd = (clause: string, note: string): ProgrammeEnd => ({
  validTo: LOCAL_END_DATE,
  source: 'local',
  example: true,
  label: '本区规则（示例）',
  clause,
  note,
});
const SILENT = '文件未规定实施期限';
/** Programmes with a window on the application date (JOB_RETENTION_REFUND, (五)) end with it. */
const LOCAL_ENDS: PolicyVersion['localEnds'] = {
  HIRING_GRADUATE_ONE_OFF: localEnd(
    '(七)',
    '文件“实施期限至2020年12月31日”限定招用日期（已作为窗口检查），未规定申请截止日',
  ),
  SOCIAL_INSURANCE_EMPLOYER: localEnd('(七)', SILENT),
  SOCIAL_INSURANCE_FLEXIBLE: localEnd('(十六)', SILENT),
  STARTUP_ONE_OFF: localEnd('(八)', `${SILENT}（一次性创业补贴5000元）`),
  STARTUP_SERVICE: localEnd('(八)', SILENT),
  STARTUP_LOAN_INTEREST: localEnd('(八)', SILENT),
  INTERNSHIP_RETENTION: localEnd(
    '(十三)2',
    '文件“实施期限为2020年1月1日至12月31日”限定签订劳动合同日期（已作为窗口检查），未规定申请截止日',
  ),
  UNEMPLOYMENT_SUBSIDY: localEnd('(十五)2', SILENT),
  PUBLIC_WELFARE_POST: localEnd('(十五)3', `${SILENT}（消杀防疫临时性公益性岗位，补贴期限最长不超过6个月）`),
  TRAINING_SUBSIDY: localEnd(
    '(十)',
    '文件“实施期限至2020年12月31日”只限未继续升学初高中毕业生、20岁以下登记失业人员（已作为窗口检查）；企业职工培训未规定期限',
  ),
  JOB_SEEKING_SUBSIDY: localEnd('(十三)1', SILENT),
  SOCIAL_INSURANCE_DEFERRAL: localEnd('(四)', '缓缴终止期不超过2020年12月（已作为条件检查），未规定申请截止日'),
};

const byCode = (programmes: readonly Programme[]) => Object.fromEntries(programmes.map((p) => [p.code, p]));

/**
 * v1 stands for the rules before 新政发〔2020〕28号 (start-up subsidy 3000 yuan); its start date is
 * our choice for the demo. v2 is the document of 2020-11-13. Typed non-empty and kept in date order:
 * the first entry is where the catalogue starts.
 */
export const POLICY_VERSIONS: readonly [PolicyVersion, ...PolicyVersion[]] = [
  {
    id: '2020-xc-v1',
    title: 'Xincheng employment stabilisation, before 新政发〔2020〕28号',
    effectiveFrom: '2020-01-01',
    effectiveTo: '2020-11-12',
    changes: 'Initial catalogue.',
    programmes: byCode(PROGRAMMES),
    parameters: V1_PARAMETERS,
    localEnds: LOCAL_ENDS,
  },
  {
    id: '2020-xc-v2',
    title: '新政发〔2020〕28号 of 2020-11-13',
    effectiveFrom: '2020-11-13',
    changes: 'One-off start-up subsidy raised from 3000 to 5000 yuan per person ((八)).',
    programmes: byCode(PROGRAMMES),
    parameters: {
      ...V1_PARAMETERS,
      STARTUP_ONE_OFF: {
        subsidyFen: doc(
          yuan(5000),
          'fen',
          '(八)',
          'One-off start-up subsidy per founder ("从每人3000元提高至每人5000元")',
        ),
      },
    },
    localEnds: LOCAL_ENDS,
  },
];
