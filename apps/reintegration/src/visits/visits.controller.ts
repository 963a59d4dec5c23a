import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { WithETag, OptionalIfMatchVersion } from '@mrm/http';
import { ListVisitsQueryDto } from './dto/list-visits.query.dto';
import { RecordVisitRequestDto } from './dto/record-visit.request.dto';
import { VisitIdParamDto } from './dto/visit-params.dto';
import {
  toVisitPageResponse,
  toVisitResponse,
  VisitPageResponseDto,
  VisitResponseDto,
} from './dto/visit.response.dto';
import { VisitReader } from './visit.reader';
import { VisitsService } from './visits.service';

@ApiTags('visits')
@Controller({ path: 'visits', version: '1' })
@Roles('project-officer', 'coordinator')
export class VisitsController {
  constructor(
    private readonly visits: VisitsService,
    private readonly reader: VisitReader,
  ) {}

  @Get()
  @ApiOkResponse({ type: VisitPageResponseDto })
  async list(
    @Query() query: ListVisitsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VisitPageResponseDto> {
    return toVisitPageResponse(await this.reader.list({ principal, ...query }));
  }

  @Get(':id')
  @WithETag()
  @ApiOkResponse({ type: VisitResponseDto })
  async get(
    @Param() { id }: VisitIdParamDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VisitResponseDto> {
    return toVisitResponse(await this.reader.get({ principal, visitId: id }));
  }

  @Post(':id/record')
  @Roles('project-officer')
  @HttpCode(200)
  @WithETag()
  @ApiOkResponse({ type: VisitResponseDto })
  async record(
    @Param() { id }: VisitIdParamDto,
    @Body() body: RecordVisitRequestDto,
    @CurrentPrincipal() principal: Principal,
    @OptionalIfMatchVersion() expectedVersion: number | undefined,
  ): Promise<VisitResponseDto> {
    return toVisitResponse(
      await this.visits.record({ principal, visitId: id, expectedVersion, request: body }),
    );
  }
}
