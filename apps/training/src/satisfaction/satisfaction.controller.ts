import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { Idempotent } from '@mrm/http';
import { CourseIdParamDto } from '../courses/dto/course-id-param.dto';
import { EnrolmentParamsDto } from '../enrolments/dto/enrolment-params.dto';
import { RecordSatisfactionRequestDto } from './dto/record-satisfaction.request.dto';
import {
  SatisfactionRecordedResponseDto,
  SatisfactionSummaryResponseDto,
  toSatisfactionRecordedResponse,
  toSatisfactionSummaryResponse,
} from './dto/satisfaction.response.dto';
import { SatisfactionService } from './satisfaction.service';

@ApiTags('satisfaction')
@Controller({ path: 'courses/:id', version: '1' })
export class SatisfactionController {
  constructor(private readonly satisfaction: SatisfactionService) {}

  @Post('enrolments/:enrolmentId/satisfaction')
  @HttpCode(201)
  @Roles('coordinator', 'case-worker', 'trainer')
  @ApiCreatedResponse({ type: SatisfactionRecordedResponseDto })
  @Idempotent()
  async record(
    @Param() { id, enrolmentId }: EnrolmentParamsDto,
    @Body() body: RecordSatisfactionRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SatisfactionRecordedResponseDto> {
    return toSatisfactionRecordedResponse(
      await this.satisfaction.record({ principal, courseId: id, enrolmentId, request: body }),
    );
  }

  @Get('satisfaction')
  @Roles('coordinator', 'case-worker', 'trainer', 'analyst', 'auditor')
  @ApiOkResponse({ type: SatisfactionSummaryResponseDto })
  async summary(
    @Param() { id }: CourseIdParamDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SatisfactionSummaryResponseDto> {
    return toSatisfactionSummaryResponse(
      await this.satisfaction.summary({ principal, courseId: id }),
    );
  }
}
