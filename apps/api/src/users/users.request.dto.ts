import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ROLES, type Role } from '@casework/domain';

export class CreateUserRequestDto {
  @ApiProperty({ example: 'wang.jingban', description: 'Letters, digits, dot, dash, underscore; 3-64' })
  @IsString()
  @Length(3, 64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    message: '只能包含字母、数字、点、横线和下划线。letters, digits, dot, dash, underscore',
  })
  username: string;

  @ApiProperty({ example: '王经办' })
  @IsString()
  @Length(1, 100)
  displayName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty({ example: 'STREET_XIYI' })
  @IsString()
  @Length(1, 64)
  unit: string;
}

export class UpdateUserRequestDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ example: 'STREET_XIYI' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  unit?: string;
}

export class AdminUserDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty() unit: string;
  @ApiProperty() active: boolean;
  @ApiProperty() mustChangePassword: boolean;
  @ApiProperty() createdAt: string;
}

export class UserWithOneTimePasswordDto {
  @ApiProperty({ type: AdminUserDto }) user: AdminUserDto;
  @ApiProperty({ description: 'Shown this once; the user must change it at the next sign-in' })
  oneTimePassword: string;
}
