import { ageOn } from '@casework/kernel';
import type { Member } from './household.model';

/** Working age as the street offices count it: 16 to 60 years inclusive, in completed years. */
export const WORKING_AGE = { min: 16, max: 60 } as const;

/**
 * The household's labour force on `date`: working-age members with some labour capacity who are
 * available for work. Students, retirees and members recorded as unable are not available, so a
 * household whose only able member is at school is not a zero-employment household.
 */
export const labourForce = (members: readonly Member[], date: string): Member[] =>
  members.filter((m) => {
    const age = ageOn(m.birthDate, date);
    return (
      age >= WORKING_AGE.min &&
      age <= WORKING_AGE.max &&
      m.labourCapacity !== 'none' &&
      (m.employmentStatus === 'employed' || m.employmentStatus === 'unemployed')
    );
  });

/** 零就业家庭: the household has a labour force and nobody in it is employed. */
export const isZeroEmployment = (members: readonly Member[], date: string): boolean => {
  const force = labourForce(members, date);
  return force.length > 0 && force.every((m) => m.employmentStatus !== 'employed');
};
