import { POLICY_VERSIONS, type PolicyVersion, type Programme } from '@casework/policy';

/** Shown for a programme the catalogue does not know (an event from a newer catalogue). */
export const UNKNOWN_LEAD_UNIT = '未知牵头单位';

/**
 * The programme as the policy version the case was opened with defines it. A version the
 * catalogue does not know (a test id, an event from a newer catalogue), or one that lacks the
 * programme, falls back to the latest version that has it: a lookup like this must never block
 * a projection.
 */
export function programmeOf(
  code: string,
  policyVersion: string | null,
  versions: readonly PolicyVersion[] = POLICY_VERSIONS,
): Programme | undefined {
  const own = versions.find((v) => v.id === policyVersion)?.programmes[code];
  if (own) return own;
  for (const v of [...versions].reverse()) {
    const p = v.programmes[code];
    if (p) return p;
  }
  return undefined;
}

/** 牵头单位 of a programme (POLICY.md §3). */
export const leadUnitOf = (
  programme: string,
  policyVersion: string | null,
  versions: readonly PolicyVersion[] = POLICY_VERSIONS,
): string => programmeOf(programme, policyVersion, versions)?.leadUnit ?? UNKNOWN_LEAD_UNIT;

/** Chinese name of a programme, or its code when unknown. */
export const programmeNameZh = (programme: string): string => programmeOf(programme, null)?.nameZh ?? programme;
