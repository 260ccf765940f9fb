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
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn: number;
  @ApiProperty({ type: LoggedInUserDto }) user: LoggedInUserDto;
}
