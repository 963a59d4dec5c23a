import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { IfMatchVersion, WithETag } from '@mrm/http';
import { CancelSessionRequestDto } from './dto/cancel-session.request.dto';
import { RescheduleSessionRequestDto } from './dto/reschedule-session.request.dto';
import { SessionIdParamDto } from './dto/session-id-param.dto';
import { SessionResponseDto, toSessionResponse } from './dto/session.response.dto';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@Controller({ path: 'sessions/:id', version: '1' })
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @Roles('coordinator', 'case-worker', 'trainer', 'analyst', 'auditor')
  @WithETag()
  @ApiOkResponse({ type: SessionResponseDto })
  async get(
    @Param() { id }: SessionIdParamDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionResponseDto> {
    return toSessionResponse(await this.sessions.get({ principal, sessionId: id }));
  }

  @Post('reschedule')
  @HttpCode(200)
  @Roles('coordinator', 'trainer')
  @WithETag()
  @ApiHeader({
    name: 'If-Match',
    required: true,
    example: '"1"',
    description: 'The ETag of the session',
  })
  @ApiOkResponse({ type: SessionResponseDto })
  async reschedule(
    @Param() { id }: SessionIdParamDto,
    @Body() body: RescheduleSessionRequestDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionResponseDto> {
    return toSessionResponse(
      await this.sessions.reschedule({ principal, sessionId: id, expectedVersion, request: body }),
    );
  }

  @Post('cancel')
  @HttpCode(200)
  @Roles('coordinator', 'trainer')
  @WithETag()
  @ApiHeader({
    name: 'If-Match',
    required: true,
    example: '"1"',
    description: 'The ETag of the session',
  })
  @ApiOkResponse({ type: SessionResponseDto })
  async cancel(
    @Param() { id }: SessionIdParamDto,
    @Body() body: CancelSessionRequestDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionResponseDto> {
    return toSessionResponse(
      await this.sessions.cancel({
        principal,
        sessionId: id,
        expectedVersion,
        reason: body.reason,
      }),
    );
  }
}
