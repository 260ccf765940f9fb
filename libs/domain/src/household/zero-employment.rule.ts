import { isOfWorkingAge } from '@casework/policy';
import type { Member } from './household.model';

/**
 * The household's labour force on `date`: working-age members (16 to the statutory retirement age
 * in force on that date, by sex: the rule lives in @casework/policy) with some labour capacity who
 * are available for work. Students, retirees and members recorded as unable are not available, so
 * a household whose only able member is at school is not a zero-employment household.
 */
export const labourForce = (members: readonly Member[], date: string): Member[] =>
  members.filter(
    (m) =>
      isOfWorkingAge(m, date) &&
      m.labourCapacity !== 'none' &&
      (m.employmentStatus === 'employed' || m.employmentStatus === 'unemployed'),
  );

/** 零就业家庭: the household has a labour force and nobody in it is employed. */
export const isZeroEmployment = (members: readonly Member[], date: string): boolean => {
  const force = labourForce(members, date);
  return force.length > 0 && force.every((m) => m.employmentStatus !== 'employed');
};
