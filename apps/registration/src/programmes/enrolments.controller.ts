import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { ApiProblemResponses, Idempotent, PageQueryDto } from '@mrm/http';
import { EnrolBeneficiaryRequestDto } from './dto/enrol-beneficiary.request.dto';
import { BeneficiaryIdParamDto, EnrolmentParamsDto } from './dto/enrolment-params.dto';
import {
  EnrolmentPageResponseDto,
  EnrolmentResponseDto,
  toEnrolmentPageResponse,
  toEnrolmentResponse,
} from './dto/enrolment.response.dto';
import { ExitEnrolmentRequestDto } from './dto/exit-enrolment.request.dto';
import { EnrolmentsService } from './enrolments.service';

@ApiTags('enrolments')
@Controller({ path: 'beneficiaries/:id/enrolments', version: '1' })
@Roles('case-worker', 'coordinator')
export class EnrolmentsController {
  constructor(private readonly enrolments: EnrolmentsService) {}

  @Post()
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedResponse({ type: EnrolmentResponseDto })
  @ApiProblemResponses(404)
  async enrol(
    @Param() { id }: BeneficiaryIdParamDto,
    @Body() body: EnrolBeneficiaryRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnrolmentResponseDto> {
    return toEnrolmentResponse(
      await this.enrolments.enrol({ principal, beneficiaryId: id, request: body }),
    );
  }

  @Post(':enrolmentId/exit')
  @HttpCode(200)
  @ApiOkResponse({ type: EnrolmentResponseDto })
  @ApiProblemResponses(404, 409)
  async exit(
    @Param() { id, enrolmentId }: EnrolmentParamsDto,
    @Body() body: ExitEnrolmentRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnrolmentResponseDto> {
    return toEnrolmentResponse(
      await this.enrolments.exit({ principal, beneficiaryId: id, enrolmentId, request: body }),
    );
  }

  @Get()
  @ApiOkResponse({ type: EnrolmentPageResponseDto })
  @ApiProblemResponses(404)
  async list(
    @Param() { id }: BeneficiaryIdParamDto,
    @Query() query: PageQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnrolmentPageResponseDto> {
    return toEnrolmentPageResponse(
      await this.enrolments.list({ principal, beneficiaryId: id, ...query }),
    );
  }
}
