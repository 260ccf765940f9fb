import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'casework:isPublic';

/** Marks a route that needs no bearer token (login). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
