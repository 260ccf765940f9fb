import { getProgramme, listProgrammes } from '@casework/policy';

/** Shown for a programme the catalogue does not know (an event from a newer catalogue). */
export const UNKNOWN_LEAD_UNIT = '未知牵头单位';

/**
 * 牵头单位 (POLICY.md §3) of a programme under the policy version the case was opened with; a
 * programme missing from that version is looked up in v1 of the catalogue.
 */
export function leadUnitOf(programme: string, policyVersion: string | null): string {
  for (const version of [policyVersion, 'v1']) {
    if (!version) continue;
    try {
      return getProgramme(programme, version).leadUnit;
    } catch {
      // not in this version: try the next
    }
  }
  return listProgrammes('v1').find((p) => p.code === programme)?.leadUnit ?? UNKNOWN_LEAD_UNIT;
}
