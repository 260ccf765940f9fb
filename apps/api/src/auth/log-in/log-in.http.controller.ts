import { Body, Controller, HttpCode, Inject, Post, UnauthorizedException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import { UserDirectory } from '@casework/identity';
import { APP_CONFIG, AppConfig, problem } from '@casework/platform';
import { AccessTokenClaims, USER_DIRECTORY } from '../auth.tokens';
import { Public } from '../public.decorator';
import { LogInRequestDto, LogInResponseDto } from './log-in.request.dto';

@ApiTags('auth')
@Controller('api/auth')
export class LogInHttpController {
  constructor(
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with username and password; returns a bearer token' })
  @ApiOkResponse({ type: LogInResponseDto })
  async logIn(@Body() body: LogInRequestDto): Promise<LogInResponseDto> {
    const user = await this.users.authenticate(body.username, body.password);
    if (!user) throw new UnauthorizedException(problem(401, 'INVALID_CREDENTIALS', 'The username or the password is wrong.'));
    const claims: AccessTokenClaims = { sub: user.id, username: user.username, role: user.role, unit: user.unit };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.jwtTtlSeconds, user };
  }
}
