// The API's field reasons (Problem Details errors[].reason) are plain English: each known wording in
// Chinese, keeping the numbers, dates and values the English carries. A reason not listed here is
// shown as the server wrote it. apps/web/reasons.spec.ts checks the common ones.

/** [pattern, Chinese]; the Chinese may use $1… for the pattern's groups, or be a function of the match. */
const TABLE = [
  // Presence and shape (libs/domain/src/shared/body-fields.ts, household guards, the validation pipe).
  [/^is required$/, '必填'],
  [/^is required \(may be empty text\)$/, '必填（可以填写空文本）'],
  [/^is required \(the handler (?:evaluates|assigns) it\)$/, '必填'],
  [/^is required for a person$/, '申请人为个人时必填'],
  [/^is required for an enterprise$/, '申请人为单位时必填'],
  [/^is not a known field$/, '不是可填写的字段'],
  [/^must be text$/, '须为文本'],
  [/^must be a string$/, '须为文本'],
  [/^must not be blank$/, '不能为空'],
  [/^should not be empty$/, '不能为空'],
  [/^must be non-empty text$/, '不能为空'],
  [/^must be at most (\d+) characters$/, '最多 $1 个字符'],
  [/^must be shorter than or equal to (\d+) characters$/, '最多 $1 个字符'],
  [/^must be longer than or equal to (\d+) characters$/, '至少 $1 个字符'],
  [/^must be one of(?: the following values)?:? (.+)$/, '须为以下之一：$1'],
  [/^must be true or false$/, '须为“是”或“否”'],
  [/^must be a boolean value$/, '须为“是”或“否”'],
  [/^must be (?:an object|a JSON object|a non-empty object)$/, '须为对象（JSON object）'],
  [/^must be a list$/, '须为列表'],
  [/^must be an array$/, '须为列表'],
  [/^must list at least one entry$/, '至少须填写一项'],
  [/^not valid JSON$/, '不是有效的 JSON'],
  [/^must not contain the NUL character \(\\u0000\)$/, '不能包含 NUL 字符（\\u0000）'],
  [/^field names must not contain the NUL character \(\\u0000\)$/, '字段名不能包含 NUL 字符（\\u0000）'],
  [/^is nested too deeply \(more than (\d+) levels\)$/, '嵌套过深（超过 $1 层）'],
  [/^must be given once(?:, as text)?$/, '只能填写一次'],

  // Numbers and money.
  [/^must be a whole number$/, '须为整数'],
  [/^must be an integer number$/, '须为整数'],
  [/^must be a whole number written as a string$/, '须为整数'],
  [/^must be a whole number of 1 or more$/, '须为不小于 1 的整数'],
  [/^must be a whole number of working days$/, '须为整数个工作日'],
  [/^must be a whole number of persons$/, '须为整数人数'],
  [/^must be a whole number from (-?\d+) to (-?\d+)$/, '须为 $1 至 $2 之间的整数'],
  [/^must be a number(?: conforming to the specified constraints)?$/, '须为数字'],
  [/^must be at least (-?\d+)$/, '不能小于 $1'],
  [/^must be (-?\d+) or more$/, '不能小于 $1'],
  [/^must not be less than (-?\d+)$/, '不能小于 $1'],
  [/^must be at most (-?\d+)$/, '不能大于 $1'],
  [/^must be (-?\d+) or less$/, '不能大于 $1'],
  [/^must not be greater than (-?\d+)$/, '不能大于 $1'],
  [/^must not be negative$/, '不能为负数'],
  [/^must be an amount in whole fen, not negative$/, '须为以分计的整数金额，不能为负数'],
  [/^must not exceed the amount still owed: (\d+) fen$/, '不能超过尚欠金额：$1 分'],
  [/^must not exceed what was paid and not yet claimed back: (\d+) fen$/, '不能超过已发放且尚未追回的金额：$1 分'],

  // Dates and times.
  [/^must be a (?:real )?date (?:written|in the form) YYYY-MM-DD$/, '须为有效日期，格式 YYYY-MM-DD'],
  [/^must be a month in the form YYYY-MM$/, '须为月份，格式 YYYY-MM'],
  [/^must be an ISO week in the form YYYY-Www, e\.g\. (\S+)$/, '须为 ISO 周，格式 YYYY-Www，例如 $1'],
  [/^must be an ISO-8601 instant(?: with a time zone)?, e\.g\. (\S+)$/, '须为带时区的时间（ISO-8601），例如 $1'],
  [/^must be an ISO date-time such as (\S+)$/, '须为带时区的时间（ISO-8601），例如 $1'],
  [/^(?:cannot|must not) be in the future \(today is (\d{4}-\d{2}-\d{2})\)$/, '不能晚于今天（今天是 $1）'],
  [/^cannot be in the past \(today is (\d{4}-\d{2}-\d{2})\)$/, '不能早于今天（今天是 $1）'],
  [/^must not be before today \((\d{4}-\d{2}-\d{2})\)$/, '不能早于今天（$1）'],
  [/^must be after the visit date \((\d{4}-\d{2}-\d{2})\)$/, '须晚于走访日期（$1）'],
  [/^must not be before the start date \((\d{4}-\d{2}-\d{2})\)$/, '不能早于上岗日期（$1）'],
  [/^must not be before the start of the period \((\d{4}-\d{2}-\d{2})\)$/, '不能早于补贴期间起始日（$1）'],
  [/^must not be before from \((\d{4}-\d{2}-\d{2})\)$/, '不能早于起始日期（$1）'],

  // Identity numbers (libs/policy/src/identifiers).
  [/^is not a valid ID number: (.+)$/, (m) => `不是有效的身份证号：${reasonZh(m[1]) ?? m[1]}`],
  [/^is not a valid unified social credit code: (.+)$/, (m) => `不是有效的统一社会信用代码：${reasonZh(m[1]) ?? m[1]}`],
  [/^must be 18 characters, not (\d+)$/, '须为 18 位，现为 $1 位'],
  [/^must be text of 18 characters$/, '须为 18 位文本'],
  [/^must be (?:an ID number|a credit code|an ID number or a credit code) of 18 characters$/, '须为 18 位证件号码'],
  [/^the first 17 characters must be digits$/, '前 17 位须为数字'],
  [/^the last character must be a digit or X$/, '最后一位须为数字或 X'],
  [/^characters 3–8 \(the administrative area code\) must be digits$/, '第 3–8 位（行政区划代码）须为数字'],
  [/^birth date (\d{8}) is not a real date$/, '出生日期 $1 不是真实存在的日期'],
  [/^check character should be ([0-9A-Z]), not (.)$/, '校验位应为 $1，而不是 $2'],
  [/^does not match the birth date in the ID number \((\d{4}-\d{2}-\d{2})\)$/, '与身份证号中的出生日期（$1）不符'],
  [/^is the ID number of another member of this household$/, '与本户另一成员的身份证号相同'],
  [/^is for a person; an enterprise has a credit code$/, '只适用于个人；单位请填写统一社会信用代码'],
  [/^is for an enterprise; a person has an ID number$/, '只适用于单位；个人请填写身份证号'],

  // Households (libs/domain/src/household).
  [
    /^is used by another (member|risk|measure) \((.+)\)$/,
    (m) => `已被另一${{ member: '成员', risk: '风险', measure: '措施' }[m[1]]}使用（${m[2]}）`,
  ],
  [/^must be the memberId of one of the members$/, '须为本户某一成员的编号'],
  [/^names a member whose relation is not "head"$/, '该成员与户主关系不是“户主”'],
  [/^only one member may have the relation "head"$/, '只能有一名成员的关系为“户主”'],
  [/^names no member of this household$/, '本户没有这名成员'],
  [/^names no visit recorded on this household$/, '本户没有这次走访记录'],
  [/^is only given when the source is a visit$/, '仅在来源为走访时填写'],
  [/^is already the responsible cadre of this household$/, '已是本户的帮扶责任人'],
  [/^is not a street office; known: (.+)$/, '不是街道办事处；可选：$1'],
  [/^must say why you read this household, in (\d+) to (\d+) characters$/, '须说明查阅事由，$1 至 $2 个字'],

  // Cases, policy and request headers.
  [/^is not a programme of the policy; known: (.+)$/, '不是本政策的补贴项目；可选：$1'],
  [/^there is no instalment (\d+); this case has instalments (\d+) to (\d+)$/, '没有第 $1 期；本案件为第 $2 至 $3 期'],
  [/^there is no objection (\d+) on the current public notice$/, '本次公示没有第 $1 号异议'],
  [
    /^must be a (case|household) id \(a UUID such as ([0-9a-f-]+)\)$/,
    (m) => `须为${m[1] === 'case' ? '案件' : '帮扶户'}编号（UUID，例如 ${m[2]}）`,
  ],
  [/^must be the ETag you read, e\.g\. (.+)$/, '须为您读取到的 ETag，例如 $1'],
  [
    /^must be 1 to 200 letters, digits, dots, colons, dashes or underscores$/,
    '须为 1 至 200 个字母、数字、点、冒号、短横线或下划线',
  ],
  // Last: any other two-way choice (asc or desc, json or xlsx); numbers (100 or less) are matched above.
  [/^must be (\w+) or (\w+)$/, '须为 $1 或 $2'],
];

/** The Chinese for an English field reason, or null when the wording is not known here. */
export function reasonZh(reason) {
  if (typeof reason !== 'string') return null;
  for (const [pattern, zh] of TABLE) {
    const m = pattern.exec(reason);
    if (!m) continue;
    return typeof zh === 'function' ? zh(m) : zh.replace(/\$(\d)/g, (_all, n) => m[Number(n)]);
  }
  return null;
}
