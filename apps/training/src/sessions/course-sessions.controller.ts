import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { Idempotent } from '@mrm/http';
import { CourseIdParamDto } from '../courses/dto/course-id-param.dto';
import { CreateSessionRequestDto } from './dto/create-session.request.dto';
import {
  SessionListResponseDto,
  SessionResponseDto,
  toSessionListResponse,
  toSessionResponse,
} from './dto/session.response.dto';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@Controller({ path: 'courses/:id/sessions', version: '1' })
export class CourseSessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post()
  @HttpCode(201)
  @Roles('coordinator', 'trainer')
  @ApiCreatedResponse({ type: SessionResponseDto })
  @Idempotent()
  async create(
    @Param() { id }: CourseIdParamDto,
    @Body() body: CreateSessionRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionResponseDto> {
    return toSessionResponse(
      await this.sessions.create({ principal, courseId: id, request: body }),
    );
  }

  @Get()
  @Roles('coordinator', 'case-worker', 'trainer', 'analyst', 'auditor')
  @ApiOkResponse({ type: SessionListResponseDto })
  async list(
    @Param() { id }: CourseIdParamDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionListResponseDto> {
    return toSessionListResponse(await this.sessions.listForCourse({ principal, courseId: id }));
  }
}
