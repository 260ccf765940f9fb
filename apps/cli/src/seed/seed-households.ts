import {
  decideHousehold,
  evolveHousehold,
  householdStreamId,
  initialHouseholdState,
  type Actor,
  type HouseholdCommand,
  type HouseholdState,
  type MemberInput,
  type PovertyStatus,
} from '@casework/domain';
import type { EventStore } from '@casework/event-store';
import { addDays } from '@casework/kernel';
import { demoAccount } from '@casework/identity';
import { makeResidentId } from '@casework/policy';
import { nameBasedUuid } from '../../../api/src/shared/name-based-uuid';

/**
 * The synthetic demo district of POLICY.md §2: 14 villages, 157 households, 124 lifted out of
 * poverty and 33 not yet lifted, each with its one-on-one cadre, the 33 with individualised plans,
 * visits over the past months, a few risks and zero-employment households. The document gives
 * counts only: every name, village, address and ID number here is invented, labelled 【示例】,
 * and the ID numbers carry valid check digits so the validation rules accept them.
 */
export const DEMO_VILLAGES: readonly { name: string; streetOffice: string }[] = (
  [
    ['东坡村', 'STREET_XIYI'],
    ['西岭村', 'STREET_XIYI'],
    ['南塬村', 'STREET_XIYI'],
    ['北沟村', 'STREET_CHANGLEZHONG'],
    ['杨家庄村', 'STREET_CHANGLEZHONG'],
    ['李家河村', 'STREET_CHANGLEZHONG'],
    ['王家堡村', 'STREET_ZHONGSHANMEN'],
    ['张家坪村', 'STREET_ZHONGSHANMEN'],
    ['石门村', 'STREET_ZHONGSHANMEN'],
    ['柳树湾村', 'STREET_HANSENZHAI'],
    ['桃园村', 'STREET_HANSENZHAI'],
    ['马家寨村', 'STREET_HANSENZHAI'],
    ['清水村', 'STREET_JIEFANGMEN'],
    ['红星村', 'STREET_JIEFANGMEN'],
  ] as const
).map(([name, streetOffice]) => ({ name: `【示例】${name}`, streetOffice }));

export const DEMO_HOUSEHOLD_COUNT = 157;
export const DEMO_NOT_LIFTED = 33;

const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN_M = ['建国', '志强', '国华', '永明', '海涛', '德胜', '文斌', '振华'];
const GIVEN_F = ['秀英', '桂兰', '玉梅', '淑珍', '丽娟', '春花', '小红', '海燕'];

/** 10:00 in Xi'an on that day. */
const instant = (date: string, minute = 0): string =>
  new Date(Date.parse(`${date}T02:00:00Z`) + minute * 60_000).toISOString();

/** The household's place in a fixed permutation of 0..156 (157 is prime): spreads statuses over villages. */
const rank = (i: number): number => (i * 37) % DEMO_HOUSEHOLD_COUNT;

interface Plan {
  householdId: string;
  actor: Actor;
  commands: HouseholdCommand[];
}

function streetActor(office: string): Actor {
  for (const username of ['street.xiyi', 'street.changlezhong']) {
    const a = demoAccount(username);
    if (a.unit === office) return { userId: a.id, role: a.role, unit: a.unit };
  }
  return { userId: nameBasedUuid('demo-street-staff', office), role: 'street_staff', unit: office };
}

function members(i: number, today: string, zeroEmployment: boolean): MemberInput[] {
  const surname = SURNAMES[i % SURNAMES.length];
  // Ages relative to today, so heads stay of working age (16-60) whatever year the demo is seeded in.
  const year = Number(today.slice(0, 4));
  const headYear = year - 57 + (i % 28);
  const birth = (y: number, k: number) =>
    `${y}-${String(((i + k) % 12) + 1).padStart(2, '0')}-${String(((i * 7 + k) % 28) + 1).padStart(2, '0')}`;
  // Odd sequence digits are men, even are women (GB 11643); unique per member of the district.
  const seq = (k: number, male: boolean) => ((i * 8 + k * 2) % 996) + (male ? 1 : 2);
  const person = (k: number, over: Omit<MemberInput, 'idNumber' | 'memberId'>, male: boolean): MemberInput => ({
    memberId: `m${k + 1}`,
    ...over,
    idNumber: makeResidentId('610102', over.birthDate, seq(k, male)),
  });
  const list: MemberInput[] = [
    person(
      0,
      {
        name: `【示例】${surname}${GIVEN_M[i % GIVEN_M.length]}`,
        relation: 'head',
        birthDate: birth(headYear, 0),
        labourCapacity: 'full',
        employmentStatus: zeroEmployment ? 'unemployed' : 'employed',
      },
      true,
    ),
    person(
      1,
      {
        name: `【示例】${SURNAMES[(i + 5) % SURNAMES.length]}${GIVEN_F[i % GIVEN_F.length]}`,
        relation: 'spouse',
        birthDate: birth(headYear + 2, 1),
        labourCapacity: i % 4 === 0 ? 'partial' : 'full',
        employmentStatus: 'unemployed',
      },
      false,
    ),
  ];
  const childYear = year - 8 - (i % 12);
  if (i % 3 !== 0)
    list.push(
      person(
        2,
        {
          name: `【示例】${surname}小${i % 2 ? '明' : '丽'}`,
          relation: 'child',
          birthDate: birth(childYear, 2),
          labourCapacity: 'none',
          employmentStatus: 'student',
        },
        i % 2 === 1,
      ),
    );
  if (i % 4 === 1)
    list.push(
      person(
        3,
        {
          name: `【示例】${surname}老${i % 2 ? '汉' : '太'}`,
          relation: 'parent',
          birthDate: birth(year - 82 + (i % 10), 3),
          labourCapacity: 'none',
          employmentStatus: 'retired',
        },
        i % 2 === 1,
      ),
    );
  return list;
}

/** The commands that build household i, oldest first, as of `today`. */
function planHousehold(i: number, today: string): Plan {
  const village = DEMO_VILLAGES[i % DEMO_VILLAGES.length];
  if (!village) throw new Error(`No demo village for household ${i}`);
  const office = village.streetOffice;
  const actor = streetActor(office);
  const householdId = nameBasedUuid('demo-household', String(i));
  const notLifted = rank(i) < DEMO_NOT_LIFTED;
  const status: PovertyStatus = notLifted ? 'not_lifted' : 'lifted';
  // Six zero-employment households; the placements of the first two clear them.
  const zeroEmployment = rank(i) >= 60 && rank(i) < 66;
  const clearedByPlacement = rank(i) >= 60 && rank(i) < 62;
  const withRisk = rank(i) >= 100 && rank(i) < 108;
  const riskEliminated = withRisk && rank(i) < 104;
  const visitsOverdue = i % 7 === 3;
  const registeredOn = addDays(today, -(150 + (i % 30)));
  const commands: HouseholdCommand[] = [];
  let minute = 0;
  const add = (on: string, type: HouseholdCommand['type'], data: Record<string, unknown>) => {
    commands.push({ type, data: { householdId, ...data }, actor, at: instant(on, minute++) } as HouseholdCommand);
  };
  const n = Math.floor(i / DEMO_VILLAGES.length) + 1;
  add(registeredOn, 'registerHousehold', {
    village: village.name,
    streetOffice: office,
    address: `${village.name}${(i % 6) + 1}组${n}号`,
    headMemberId: 'm1',
    members: members(i, today, zeroEmployment),
    status,
    statusReason: notLifted
      ? '【示例】2020年动态监测：家庭人均纯收入未达脱贫标准'
      : '【示例】2019年已脱贫，继续落实帮扶措施',
  });
  const cadreNo = (i % 4) + 1;
  const cadre =
    office === 'STREET_XIYI' && cadreNo === 1
      ? { userId: demoAccount('street.xiyi').id, name: demoAccount('street.xiyi').displayName, unit: office }
      : {
          userId: nameBasedUuid('demo-cadre', office, String(cadreNo)),
          name: `【示例】帮扶干部${office.slice(7)}-${cadreNo}`,
          unit: office,
        };
  add(registeredOn, 'assignResponsibleCadre', { cadre });
  add(addDays(registeredOn, 1), 'recordThreeChecks', {
    checkId: 'check-1',
    kind: 'zero_employment_household',
    date: addDays(registeredOn, 1),
    result: zeroEmployment ? 'issue_found' : 'clear',
    notes: zeroEmployment ? '【示例】家中劳动力均未就业，列入零就业家庭动态清零台账' : '',
  });
  if (notLifted) {
    const adoptedOn = addDays(registeredOn, 5);
    add(adoptedOn, 'adoptAssistancePlan', {
      planId: 'plan-1',
      summary: '【示例】产业帮扶＋就业帮扶＋政策兜底的个性化帮扶方案',
      measures: [
        {
          measureId: 'ms-1',
          description: '【示例】推荐参加职业技能培训',
          owner: cadre.name,
          targetDate: addDays(adoptedOn, 60),
        },
        {
          measureId: 'ms-2',
          description: '【示例】落实产业奖补',
          owner: cadre.name,
          targetDate: addDays(adoptedOn, 120),
        },
        {
          measureId: 'ms-3',
          description: '【示例】对接公益性岗位或就近就业',
          owner: cadre.name,
          targetDate: addDays(adoptedOn, 150 + (i % 40)),
        },
      ],
    });
    add(addDays(adoptedOn, 55), 'completePlanMeasure', {
      measureId: 'ms-1',
      doneAt: addDays(adoptedOn, 55),
      note: '【示例】已参加培训',
    });
    if (i % 2 === 0)
      add(addDays(adoptedOn, 110), 'completePlanMeasure', {
        measureId: 'ms-2',
        doneAt: addDays(adoptedOn, 110),
        note: '【示例】奖补已发放',
      });
  }
  const interval = notLifted ? 30 : 90;
  // Visits up to today, or stopping early for the households left overdue.
  const lastVisitBy = visitsOverdue ? addDays(today, -(interval + 10)) : today;
  let visitNo = 0;
  // Households left overdue had an early first visit, so every household has been visited at least once.
  for (
    let on = addDays(registeredOn, visitsOverdue ? 10 : interval - 5);
    on <= lastVisitBy;
    on = addDays(on, interval - 5)
  ) {
    visitNo++;
    const raisesRisk = withRisk && visitNo === 1;
    add(on, 'recordVisit', {
      visitId: `visit-${visitNo}`,
      date: on,
      visitor: cadre.name,
      findings: raisesRisk ? '【示例】户主因病住院，家庭收入下降' : '【示例】家庭生活稳定，帮扶措施落实到位',
      needs: raisesRisk ? '【示例】医疗救助' : '',
      measuresTaken: '【示例】宣讲政策，了解就业意愿',
      nextVisitDue: addDays(on, interval),
      ...(raisesRisk ? { risks: [{ riskId: 'risk-1', description: '【示例】因病返贫风险', severity: 'high' }] } : {}),
    });
    if (raisesRisk && riskEliminated)
      add(addDays(on, 20), 'eliminateRisk', { riskId: 'risk-1', reason: '【示例】医疗救助到位，家庭收入恢复' });
  }
  if (clearedByPlacement) {
    add(addDays(registeredOn, 20), 'placeMemberInWork', {
      placementId: 'placement-1',
      memberId: 'm1',
      employer: '【示例】街道办事处',
      post: '【示例】保洁公益性岗位',
      startDate: addDays(registeredOn, 20),
      publicWelfarePost: true,
    });
  }
  commands.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { householdId, actor, commands };
}

export interface SeedHouseholdsResult {
  created: number;
  skipped: number;
  events: number;
}

/**
 * Seeds the demo households through the household decider, one append per command with the
 * command's own instant. Idempotent: household ids and command ids derive from the household's
 * number, and a household whose stream exists is left as it is (its history was written on the
 * day it was seeded, with dates relative to that day).
 */
export async function seedHouseholds(
  store: EventStore,
  options: { today: string; count?: number },
): Promise<SeedHouseholdsResult> {
  const result: SeedHouseholdsResult = { created: 0, skipped: 0, events: 0 };
  const count = options.count ?? DEMO_HOUSEHOLD_COUNT;
  for (let i = 0; i < count; i++) {
    const plan = planHousehold(i, options.today);
    const streamId = householdStreamId(plan.householdId);
    if ((await store.streamVersion(streamId)) > 0) {
      result.skipped++;
      continue;
    }
    let state: HouseholdState = initialHouseholdState();
    let version = 0;
    for (const [step, command] of plan.commands.entries()) {
      const events = decideHousehold(command, state);
      if (events.length === 0) continue;
      const commandId = nameBasedUuid('demo-household-command', plan.householdId, String(step));
      const appended = await store.append(streamId, events, version, {
        commandId,
        correlationId: `seed-households-${plan.householdId}`,
        causationId: commandId,
        actor: command.actor,
        recordedAt: command.at,
      });
      version = appended.nextExpectedVersion;
      state = events.reduce(evolveHousehold, state);
      result.events += events.length;
    }
    result.created++;
  }
  return result;
}
