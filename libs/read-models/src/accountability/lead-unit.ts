import { POLICY_VERSIONS, type Programme } from '@casework/policy';

/** Shown for a programme the catalogue does not know (an event from a newer catalogue). */
export const UNKNOWN_LEAD_UNIT = '未知牵头单位';

/**
 * The programme as the policy version the case was opened with defines it; a version or
 * programme that version lacks is looked up in the newest version that has it.
 */
export function programmeOf(code: string, policyVersion: string | null): Programme | undefined {
  const own = POLICY_VERSIONS.find((v) => v.id === policyVersion)?.programmes[code];
  return own ?? [...POLICY_VERSIONS].reverse().find((v) => v.programmes[code])?.programmes[code];
}

/** 牵头单位 of a programme (POLICY.md §3). */
export const leadUnitOf = (programme: string, policyVersion: string | null): string => programmeOf(programme, policyVersion)?.leadUnit ?? UNKNOWN_LEAD_UNIT;

/** Chinese name of a programme, or its code when unknown. */
export const programmeNameZh = (programme: string): string => programmeOf(programme, null)?.nameZh ?? programme;
