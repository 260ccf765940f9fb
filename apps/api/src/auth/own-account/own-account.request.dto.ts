import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ChangePasswordRequestDto {
  @ApiProperty({ description: 'The password you signed in with (the one-time password after a reset)' })
  @IsString()
  @Length(1, 200)
  currentPassword: string;

  @ApiProperty({
    description: 'At least 12 characters, not your username, not a published demo password',
    example: 'correct horse battery staple',
  })
  @IsString()
  @Length(1, 200)
  newPassword: string;
}
