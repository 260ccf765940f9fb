import type { SqlReader } from './sql-reader';
import { quoteIdent } from '../runner/projection';

/**
 * The targets of POLICY.md §4 (task (五)) that the bureau reports figures against. The document
 * gives the district totals; (二十) makes each street office accountable for its share, so
 * figures may be entered per street office as well as for the district.
 */
export interface TargetDefinition {
  indicator: string;
  nameZh: string;
  nameEn: string;
  clause: string;
  year: number;
  target: number;
  /** at_least: the cumulative figure must reach the target; at_most: the latest figure must stay within it. */
  comparison: 'at_least' | 'at_most';
  /** How monthly figures add up: new jobs add up over the year; a rate is read from the latest month. */
  aggregate: 'sum' | 'latest';
  unitZh: string;
  /** Largest value a single figure may have (validation). */
  max: number;
}

export const TARGETS: readonly TargetDefinition[] = [
  {
    indicator: 'new_urban_jobs',
    nameZh: '城镇新增就业',
    nameEn: 'New urban jobs',
    clause: '(五)',
    year: 2020,
    target: 15_360,
    comparison: 'at_least',
    aggregate: 'sum',
    unitZh: '人',
    max: 1_000_000,
  },
  {
    indicator: 'registered_urban_unemployment_rate',
    nameZh: '城镇登记失业率',
    nameEn: 'Registered urban unemployment rate',
    clause: '(五)',
    year: 2020,
    target: 4,
    comparison: 'at_most',
    aggregate: 'latest',
    unitZh: '%',
    max: 100,
  },
];

export const TARGET_INDICATORS: readonly string[] = TARGETS.map((t) => t.indicator);

export interface TargetFigure {
  id: string;
  indicator: string;
  period: string;
  unit: string;
  value: number;
  note: string | null;
  enteredBy: string;
  enteredRole: string;
  enteredUnit: string;
  enteredAt: string;
}

export interface NewTargetFigure {
  indicator: string;
  period: string;
  unit: string;
  value: number;
  note: string | null;
  enteredBy: { userId: string; role: string; unit: string };
  enteredAt: string;
}

/** A target_figures row as pg returns it: bigserial and numeric come back as strings, timestamptz as a Date. */
interface TargetFigureRow {
  id: string;
  indicator: string;
  period: string;
  unit: string;
  value: string;
  note: string | null;
  entered_by: string;
  entered_role: string;
  entered_unit: string;
  entered_at: Date;
}

const figureOf = (r: TargetFigureRow): TargetFigure => ({
  id: String(r.id),
  indicator: r.indicator,
  period: r.period,
  unit: r.unit,
  value: Number(r.value),
  note: r.note ?? null,
  enteredBy: r.entered_by,
  enteredRole: r.entered_role,
  enteredUnit: r.entered_unit,
  enteredAt: r.entered_at.toISOString(),
});

export async function insertTargetFigure(db: SqlReader, schema: string, f: NewTargetFigure): Promise<TargetFigure> {
  const { rows } = await db.query<TargetFigureRow>(
    `insert into ${quoteIdent(schema)}.target_figures (indicator, period, unit, value, note, entered_by, entered_role, entered_unit, entered_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning *`,
    [
      f.indicator,
      f.period,
      f.unit,
      f.value,
      f.note,
      f.enteredBy.userId,
      f.enteredBy.role,
      f.enteredBy.unit,
      f.enteredAt,
    ],
  );
  const [row] = rows;
  if (!row) throw new Error('target_figures: the insert returned no row');
  return figureOf(row);
}

export interface TargetProgress {
  indicator: string;
  nameZh: string;
  nameEn: string;
  clause: string;
  year: number;
  unit: string;
  target: number;
  comparison: 'at_least' | 'at_most';
  unitZh: string;
  /** Cumulative (sum) or latest figure up to the month asked; null when nothing was entered. */
  actual: number | null;
  /** The month the latest figure counted is for. */
  latestPeriod: string | null;
  /** actual / target for at_least targets, as a fraction (0.5 = half way); null otherwise. */
  progress: number | null;
  /** Whether the figure meets the target now (an at_least target is met once reached). */
  met: boolean | null;
  /** The figures counted, one per month (the latest entry for that month). */
  figures: { period: string; value: number; enteredBy: string; enteredAt: string }[];
}

/**
 * Progress of each target per unit, counting the latest figure entered for each month of the
 * target's year up to `untilMonth` (YYYY-MM).
 */
export async function readTargetProgress(
  db: SqlReader,
  schema: string,
  untilMonth: string,
  unit?: string,
): Promise<TargetProgress[]> {
  const { rows } = await db.query<TargetFigureRow>(
    `select distinct on (indicator, period, unit) * from ${quoteIdent(schema)}.target_figures
      where period <= $1 and ($2::text is null or unit = $2)
      order by indicator, period, unit, entered_at desc, id desc`,
    [untilMonth, unit ?? null],
  );
  const figures = rows.map(figureOf);
  const out: TargetProgress[] = [];
  for (const t of TARGETS) {
    const mine = figures.filter((f) => f.indicator === t.indicator && f.period.startsWith(`${t.year}-`));
    const units = [...new Set(mine.map((f) => f.unit))].sort();
    for (const u of units) {
      const counted = mine.filter((f) => f.unit === u).sort((a, b) => a.period.localeCompare(b.period));
      const latest = counted[counted.length - 1] ?? null;
      const actual =
        latest === null
          ? null
          : t.aggregate === 'sum'
            ? round4(counted.reduce((s, f) => s + f.value, 0))
            : latest.value;
      out.push({
        indicator: t.indicator,
        nameZh: t.nameZh,
        nameEn: t.nameEn,
        clause: t.clause,
        year: t.year,
        unit: u,
        target: t.target,
        comparison: t.comparison,
        unitZh: t.unitZh,
        actual,
        latestPeriod: latest?.period ?? null,
        progress: actual === null || t.comparison !== 'at_least' ? null : round4(actual / t.target),
        met: actual === null ? null : t.comparison === 'at_least' ? actual >= t.target : actual <= t.target,
        figures: counted.map((f) => ({
          period: f.period,
          value: f.value,
          enteredBy: f.enteredBy,
          enteredAt: f.enteredAt,
        })),
      });
    }
    if (units.length === 0) {
      out.push({
        indicator: t.indicator,
        nameZh: t.nameZh,
        nameEn: t.nameEn,
        clause: t.clause,
        year: t.year,
        unit: unit ?? 'DISTRICT_HRSS',
        target: t.target,
        comparison: t.comparison,
        unitZh: t.unitZh,
        actual: null,
        latestPeriod: null,
        progress: null,
        met: null,
        figures: [],
      });
    }
  }
  return out;
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
