import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UnitKind } from './units';

/** Reference table of units; users.unit points here. Rows come from UNITS (seedIdentity). */
@Entity({ name: 'units' })
export class UnitRecord {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Column({ name: 'name_zh', type: 'varchar', length: 100 })
  nameZh: string;

  @Column({ name: 'name_en', type: 'varchar', length: 150 })
  nameEn: string;

  @Column({ type: 'varchar', length: 32 })
  kind: UnitKind;
}
