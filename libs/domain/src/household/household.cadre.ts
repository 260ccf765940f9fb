import type { Cadre } from './household.model';
import type { Problems } from './household.guards';

export const checkCadre = (p: Problems, field: string, cadre: unknown): cadre is Cadre => {
  if (typeof cadre !== 'object' || cadre === null) {
    p.add(field, 'is required');
    return false;
  }
  const c = cadre as Partial<Cadre>;
  const ok = [
    p.text(`${field}.userId`, c.userId),
    p.text(`${field}.name`, c.name),
    p.text(`${field}.unit`, c.unit),
    p.optionalText(`${field}.phone`, c.phone),
  ];
  return ok.every(Boolean);
};

export const cleanCadre = (c: Cadre): Cadre => ({
  userId: c.userId,
  name: c.name.trim(),
  unit: c.unit.trim(),
  ...(c.phone ? { phone: c.phone.trim() } : {}),
});
