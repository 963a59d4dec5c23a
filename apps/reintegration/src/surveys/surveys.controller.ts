import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { CreatedResource, Idempotent } from '@mrm/http';
import { RecordSurveyRequestDto } from './dto/record-survey.request.dto';
import { SurveyIdParamDto } from './dto/survey-params.dto';
import { RescoreResponseDto, SurveyResponseDto, toSurveyResponse } from './dto/survey.response.dto';
import { SurveysService } from './surveys.service';

/** IOM Reintegration Sustainability Survey responses and their scores. */
@ApiTags('surveys')
@Controller({ path: 'surveys', version: '1' })
@Roles('project-officer', 'coordinator')
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Post()
  @Roles('project-officer')
  @Idempotent()
  @HttpCode(201)
  @CreatedResource()
  @ApiCreatedResponse({ type: SurveyResponseDto })
  async record(
    @Body() body: RecordSurveyRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SurveyResponseDto> {
    return toSurveyResponse(await this.surveys.record({ principal, request: body }));
  }

  @Post('rescore')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: RescoreResponseDto })
  async rescore(): Promise<RescoreResponseDto> {
    return this.surveys.rescore();
  }

  @Get(':id')
  @ApiOkResponse({ type: SurveyResponseDto })
  async get(
    @Param() { id }: SurveyIdParamDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SurveyResponseDto> {
    return toSurveyResponse(await this.surveys.get({ principal, responseId: id }));
  }
}
