import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@mrm/auth';
import { UuidParamDto } from '../partners/dto/uuid-param.dto';
import {
  PartnerSystemResponseDto,
  toPartnerSystemResponse,
} from './dto/partner-system.response.dto';
import { PartnerSystemStatusReader } from './partner-system-status.service';

/** A partner's own system on the partner bus, in the partner's resource. */
@ApiTags('partners')
@Controller({ path: 'partners/:id/system', version: '1' })
@Roles('coordinator', 'admin')
export class PartnerSystemsController {
  constructor(private readonly statuses: PartnerSystemStatusReader) {}

  @Get()
  @ApiOperation({
    summary: 'Its system on the partner bus: credentials, last fetch, backlog, stale or not',
  })
  @ApiOkResponse({ type: PartnerSystemResponseDto })
  async get(@Param() { id }: UuidParamDto): Promise<PartnerSystemResponseDto> {
    return toPartnerSystemResponse(await this.statuses.read(id));
  }
}
