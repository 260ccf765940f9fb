import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { transformSync } from '@swc/core';
import { validateHouseholdCommandBody } from '@casework/domain';
import { makeResidentId, validateCreditCode, validateResidentId } from '@casework/policy';

// The console's reason table is a plain ES module (no build step): compiled to CommonJS here to call it.
function loadReasons(): { reasonZh: (reason: unknown) => string | null } {
  const source = readFileSync(join(__dirname, 'public/reasons.js'), 'utf8');
  const { code } = transformSync(source, {
    jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  const module = { exports: {} as Record<string, unknown> };
  runInNewContext(code, { module, exports: module.exports });
  return module.exports as unknown as { reasonZh: (reason: unknown) => string | null };
}

const { reasonZh } = loadReasons();
const reasonOf = (r: { ok: true } | { ok: false; reason: string }): string => (r.ok ? '' : r.reason);

describe('apps/web/public/reasons.js', () => {
  it.each([
    ['is required', '必填'],
    ['is not a known field', '不是可填写的字段'],
    ['must be a whole number', '须为整数'],
    ['must be 100 or less', '不能大于 100'],
    ['must be 1 or more', '不能小于 1'],
    ['must be at most 200 characters', '最多 200 个字符'],
    ['must be after the visit date (2020-11-16)', '须晚于走访日期（2020-11-16）'],
    ['cannot be in the future (today is 2020-11-16)', '不能晚于今天（今天是 2020-11-16）'],
    ['check character should be X, not 3', '校验位应为 X，而不是 3'],
    ['birth date 19491331 is not a real date', '出生日期 19491331 不是真实存在的日期'],
    ['must be 18 characters, not 17', '须为 18 位，现为 17 位'],
    ['is not a valid ID number: check character should be 4, not 5', '不是有效的身份证号：校验位应为 4，而不是 5'],
    ['must be one of: lifted, not_lifted, at_risk, edge', '须为以下之一：lifted, not_lifted, at_risk, edge'],
    ['must be true or false', '须为“是”或“否”'],
    ['must be asc or desc', '须为 asc 或 desc'],
    ['is used by another member (m1)', '已被另一成员使用（m1）'],
    ['does not match the birth date in the ID number (1949-12-31)', '与身份证号中的出生日期（1949-12-31）不符'],
  ])('translates "%s", keeping its values', (english, chinese) => {
    expect(reasonZh(english)).toBe(chinese);
  });

  it('passes unknown wordings through as null, so the console shows the English unchanged', () => {
    expect(reasonZh('is outside the programme’s period for this person')).toBeNull();
    expect(reasonZh('must be json, csv or xlsx')).toBeNull();
    expect(reasonZh('is required for STARTUP_ONE_OFF: once per person')).toBeNull();
    expect(reasonZh(undefined)).toBeNull();
  });

  it('knows every reason the household registration check gives for a badly filled form', () => {
    const problems = validateHouseholdCommandBody('registerHousehold', {
      village: 7,
      address: ' ',
      extra: true,
      members: [
        {
          memberId: 'm1',
          name: '【示例】甲',
          relation: 'boss',
          birthDate: '2020-13-01',
          idNumber: 'x'.repeat(19),
          labourCapacity: 'full',
          employmentStatus: 'employed',
        },
      ],
      status: 'lifted',
    });
    expect(problems.length).toBeGreaterThanOrEqual(6);
    for (const p of problems) expect([p.reason, reasonZh(p.reason)]).toEqual([p.reason, expect.any(String)]);
  });

  it('knows every reason an ID number or credit code check gives', () => {
    const good = makeResidentId('610102', '1980-01-01', '001');
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const reasons = [
      reasonOf(validateResidentId(good.slice(0, 17))),
      reasonOf(validateResidentId(wrongCheck)),
      reasonOf(validateResidentId('61010219801301001X')),
      reasonOf(validateResidentId('6101021980010100AX')),
      reasonOf(validateResidentId('61010219800101001Y')),
      reasonOf(validateCreditCode('91610102MA0000001Z')),
    ];
    for (const r of reasons) expect([r, reasonZh(r)]).toEqual([r, expect.any(String)]);
    expect(reasonZh(reasons[1])).toBe(`校验位应为 ${good[17]}，而不是 ${wrongCheck[17]}`);
  });
});
