import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { Idempotent, WithETag } from '@mrm/http';
import { CourseIdParamDto } from '../courses/dto/course-id-param.dto';
import { CourseResponseDto, toCourseResponse } from '../courses/dto/course.response.dto';
import { ChangeCapacityRequestDto } from './dto/change-capacity.request.dto';
import { EnrolBeneficiaryRequestDto } from './dto/enrol-beneficiary.request.dto';
import { EnrolmentParamsDto } from './dto/enrolment-params.dto';
import {
  EnrolmentListResponseDto,
  EnrolmentResponseDto,
  toEnrolmentListResponse,
  toEnrolmentResponse,
} from './dto/enrolment.response.dto';
import { ListEnrolmentsQueryDto } from './dto/list-enrolments.query.dto';
import { RecordAssessmentRequestDto } from './dto/record-assessment.request.dto';
import { WithdrawEnrolmentRequestDto } from './dto/withdraw-enrolment.request.dto';
import { EnrolmentsService } from './enrolments.service';

// Enrolments name people (by roster reference): analysts do not see them.
@ApiTags('enrolments')
@Controller({ path: 'courses/:id', version: '1' })
@Roles('coordinator', 'case-worker', 'trainer')
export class EnrolmentsController {
  constructor(private readonly enrolments: EnrolmentsService) {}

  @Post('enrolments')
  @HttpCode(201)
  @ApiCreatedResponse({ type: EnrolmentResponseDto })
  @Idempotent()
  async enrol(
    @Param() { id }: CourseIdParamDto,
    @Body() body: EnrolBeneficiaryRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnrolmentResponseDto> {
    return toEnrolmentResponse(
      await this.enrolments.enrol({ principal, courseId: id, beneficiaryId: body.beneficiaryId }),
    );
  }

  @Get('enrolments')
  @ApiOkResponse({ type: EnrolmentListResponseDto })
  async list(
    @Param() { id }: CourseIdParamDto,
    @Query() query: ListEnrolmentsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnrolmentListResponseDto> {
    return toEnrolmentListResponse(
      await this.enrolments.list({ principal, courseId: id, status: query.status }),
    );
  }

  @Post('enrolments/:enrolmentId/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: EnrolmentResponseDto })
  async withdraw(
    @Param() { id, enrolmentId }: EnrolmentParamsDto,
    @Body() body: WithdrawEnrolmentRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnrolmentResponseDto> {
    return toEnrolmentResponse(
      await this.enrolments.withdraw({ principal, courseId: id, enrolmentId, reason: body.reason }),
    );
  }

  @Put('enrolments/:enrolmentId/assessment')
  @Roles('coordinator', 'trainer')
  @ApiOkResponse({ type: EnrolmentResponseDto })
  async recordAssessment(
    @Param() { id, enrolmentId }: EnrolmentParamsDto,
    @Body() body: RecordAssessmentRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnrolmentResponseDto> {
    return toEnrolmentResponse(
      await this.enrolments.recordAssessment({
        principal,
        courseId: id,
        enrolmentId,
        passed: body.passed,
      }),
    );
  }

  @Put('capacity')
  @Roles('coordinator', 'trainer')
  @WithETag()
  @ApiOkResponse({ type: CourseResponseDto })
  async changeCapacity(
    @Param() { id }: CourseIdParamDto,
    @Body() body: ChangeCapacityRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CourseResponseDto> {
    return toCourseResponse(
      await this.enrolments.changeCapacity({ principal, courseId: id, capacity: body.capacity }),
    );
  }
}
