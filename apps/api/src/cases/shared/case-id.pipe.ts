import { Injectable, PipeTransform } from '@nestjs/common';
import { validationError } from '@casework/kernel';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `:id` must be a UUID; anything else is a 400 naming `id` (never a lookup that cannot succeed). */
@Injectable()
export class CaseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value))
      throw validationError([
        { field: 'id', reason: 'must be a case id (a UUID such as 7d0f8e3c-2b6e-4d1f-9a57-1c1b8f3c2a10)' },
      ]);
    return value.toLowerCase();
  }
}
