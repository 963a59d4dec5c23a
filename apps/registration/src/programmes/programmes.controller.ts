import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@mrm/auth';
import { ApiProblemResponses, Idempotent } from '@mrm/http';
import { CreateProgrammeRequestDto } from './dto/create-programme.request.dto';
import { ListProgrammesQueryDto } from './dto/list-programmes.query.dto';
import { ProgrammeIdParamDto } from './dto/programme-id-param.dto';
import {
  ProgrammePageResponseDto,
  ProgrammeResponseDto,
  toProgrammePageResponse,
  toProgrammeResponse,
} from './dto/programme.response.dto';
import { ProgrammesService } from './programmes.service';

// Programmes are reference data, not personal data: every operational role may read them.
@ApiTags('programmes')
@Controller({ path: 'programmes', version: '1' })
@Roles('coordinator', 'case-worker', 'trainer', 'project-officer', 'referral-officer', 'analyst')
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @Post()
  @Idempotent()
  @HttpCode(201)
  @Roles('coordinator', 'admin')
  @ApiCreatedResponse({ type: ProgrammeResponseDto })
  async create(@Body() body: CreateProgrammeRequestDto): Promise<ProgrammeResponseDto> {
    return toProgrammeResponse(await this.programmes.create({ request: body }));
  }

  @Get()
  @ApiOkResponse({ type: ProgrammePageResponseDto })
  async list(@Query() query: ListProgrammesQueryDto): Promise<ProgrammePageResponseDto> {
    return toProgrammePageResponse(await this.programmes.list(query));
  }

  @Get(':id')
  @ApiOkResponse({ type: ProgrammeResponseDto })
  @ApiProblemResponses(404)
  async get(@Param() { id }: ProgrammeIdParamDto): Promise<ProgrammeResponseDto> {
    return toProgrammeResponse(await this.programmes.get({ programmeId: id }));
  }
}
