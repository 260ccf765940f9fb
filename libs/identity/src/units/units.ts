/**
 * Units (单位) of the district. A caseworker's unit scopes what they see and do: street offices
 * see their own households and cases; the district bureau sees the whole district.
 */
export type UnitKind = 'district' | 'street_office' | 'finance' | 'discipline';

export interface Unit {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: UnitKind;
}

export const DISTRICT_UNIT = 'DISTRICT_HRSS';

export const UNITS: readonly Unit[] = [
  {
    code: DISTRICT_UNIT,
    nameZh: '新城区人力资源和社会保障局',
    nameEn: 'District human resources and social security bureau',
    kind: 'district',
  },
  { code: 'STREET_XIYI', nameZh: '西一路街道办事处', nameEn: 'Xiyi Road street office', kind: 'street_office' },
  {
    code: 'STREET_CHANGLEZHONG',
    nameZh: '长乐中路街道办事处',
    nameEn: 'Changle Middle Road street office',
    kind: 'street_office',
  },
  {
    code: 'STREET_ZHONGSHANMEN',
    nameZh: '中山门街道办事处',
    nameEn: 'Zhongshanmen street office',
    kind: 'street_office',
  },
  { code: 'STREET_HANSENZHAI', nameZh: '韩森寨街道办事处', nameEn: 'Hansenzhai street office', kind: 'street_office' },
  { code: 'STREET_JIEFANGMEN', nameZh: '解放门街道办事处', nameEn: 'Jiefangmen street office', kind: 'street_office' },
  { code: 'STREET_ZIQIANG', nameZh: '自强路街道办事处', nameEn: 'Ziqiang Road street office', kind: 'street_office' },
  { code: 'STREET_TAIHUA', nameZh: '太华路街道办事处', nameEn: 'Taihua Road street office', kind: 'street_office' },
  {
    code: 'STREET_CHANGLEXI',
    nameZh: '长乐西路街道办事处',
    nameEn: 'Changle West Road street office',
    kind: 'street_office',
  },
  { code: 'STREET_HUJIAMIAO', nameZh: '胡家庙街道办事处', nameEn: 'Hujiamiao street office', kind: 'street_office' },
  { code: 'FINANCE', nameZh: '新城区财政局', nameEn: 'District finance bureau', kind: 'finance' },
  {
    code: 'DISCIPLINE',
    nameZh: '新城区纪委监委',
    nameEn: 'District discipline inspection and supervision commission',
    kind: 'discipline',
  },
];

export const UNIT_CODES: readonly string[] = UNITS.map((u) => u.code);

export function findUnit(code: string): Unit | undefined {
  return UNITS.find((u) => u.code === code);
}

/** Street offices are named STREET_<NAME>; the prefix also covers offices added after this list. */
export function isStreetOffice(code: string): boolean {
  return code.startsWith('STREET_');
}
