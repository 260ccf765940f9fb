import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LogInRequestDto {
  @ApiProperty({ example: 'caseworker' })
  @IsString()
  @Length(1, 64)
  username: string;

  @ApiProperty({ example: 'Casework-2020!' })
  @IsString()
  @Length(1, 200)
  password: string;
}

export class LoggedInUserDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ example: 'caseworker' }) role: string;
  @ApiProperty({ example: 'DISTRICT_HRSS' }) unit: string;
}

export class LogInResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires at the latest (8 hours at most)' }) expiresIn: number;
  @ApiProperty({ description: 'True after a reset or for a new account: change the one-time password first' })
  mustChangePassword: boolean;
  @ApiProperty({ type: LoggedInUserDto }) user: LoggedInUserDto;
}
