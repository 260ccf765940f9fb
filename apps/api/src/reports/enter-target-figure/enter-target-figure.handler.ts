import { Inject, Injectable } from '@nestjs/common';
import { forbidden, validationError } from '@casework/kernel';
import type { Actor } from '@casework/domain';
import { DISTRICT_UNIT, findUnit } from '@casework/identity';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@casework/platform';
import { TARGETS, insertTargetFigure, type TargetFigure } from '@casework/read-models';
import type { SqlReader } from '@casework/read-models';
import { REPORT_READER } from '../shared/report-reader';
import type { EnterTargetFigureRequestDto } from './enter-target-figure.request.dto';

/** Records a figure against a target; only administrators and the district bureau report them. */
@Injectable()
export class EnterTargetFigureHandler {
  constructor(
    @Inject(REPORT_READER) private readonly pool: SqlReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(body: EnterTargetFigureRequestDto, actor: Actor): Promise<TargetFigure> {
    if (actor.role !== 'admin' && actor.unit !== DISTRICT_UNIT) {
      throw forbidden(
        'TARGET_FIGURES_DISTRICT_ONLY',
        `Only administrators and the district bureau enter target figures; ${actor.role} of ${actor.unit} may not.`,
        { role: actor.role, unit: actor.unit },
      );
    }
    const target = TARGETS.find((t) => t.indicator === body.indicator)!;
    const unit = body.unit ?? DISTRICT_UNIT;
    const kind = findUnit(unit)?.kind;
    const problems = [
      ...(kind !== 'district' && kind !== 'street_office'
        ? [{ field: 'unit', reason: `"${unit}" is not the district bureau or a street office` }]
        : []),
      ...(body.value > target.max
        ? [{ field: 'value', reason: `must not exceed ${target.max} ${target.unitZh}` }]
        : []),
      ...(target.aggregate === 'sum' && !Number.isInteger(body.value)
        ? [{ field: 'value', reason: 'must be a whole number of persons' }]
        : []),
    ];
    if (problems.length > 0) throw validationError(problems);
    return insertTargetFigure(this.pool, this.config.databaseSchema, {
      indicator: body.indicator,
      period: body.period,
      unit,
      value: body.value,
      note: body.note ?? null,
      enteredBy: actor,
      enteredAt: this.clock.now().toISOString(),
    });
  }
}
