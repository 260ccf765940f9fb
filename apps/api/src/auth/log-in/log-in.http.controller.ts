import { Body, Controller, HttpCode, Inject, Ip, Post, UnauthorizedException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import { UserDirectory, type UserView } from '@casework/identity';
import { APP_CONFIG, AppConfig, problem } from '@casework/platform';
import { AccessTokenClaims, USER_DIRECTORY } from '../auth.tokens';
import { Public } from '../public.decorator';
import { LogInRequestDto, LogInResponseDto } from './log-in.request.dto';
import { LoginThrottle } from './login-throttle';

@ApiTags('auth')
@Controller('api/auth')
export class LogInHttpController {
  constructor(
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with username and password; returns a bearer token' })
  @ApiOkResponse({ type: LogInResponseDto })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed sign-ins for this username or from this address; see Retry-After',
  })
  async logIn(@Body() body: LogInRequestDto, @Ip() ip: string | undefined): Promise<LogInResponseDto> {
    // Checked even when the password is right, so guessing past the limit learns nothing.
    const attempt = this.throttle.begin(body.username, ip ?? 'unknown');
    let user: UserView | null;
    try {
      user = await this.users.authenticate(body.username, body.password);
    } catch (e) {
      attempt.cancelled();
      throw e;
    }
    if (!user)
      throw new UnauthorizedException(problem(401, 'INVALID_CREDENTIALS', 'The username or the password is wrong.'));
    attempt.succeeded();
    const claims: AccessTokenClaims = { sub: user.id, username: user.username, role: user.role, unit: user.unit };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.jwtTtlSeconds, user };
  }
}
