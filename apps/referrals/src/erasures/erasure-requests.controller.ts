import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { UuidParamDto } from '../partners/dto/uuid-param.dto';
import {
  ErasureRequestResponseDto,
  toErasureRequestResponse,
} from './dto/erasure-request.response.dto';
import { ListErasureRequestsQueryDto } from './dto/list-erasure-requests.query.dto';
import { ErasureRequestsService } from './erasure-requests.service';

/** Erasure requests to the institutions that received an erased person, and their answers. */
@ApiTags('erasure-requests')
@Controller({ path: 'erasure-requests', version: '1' })
@Roles('referral-officer', 'coordinator')
export class ErasureRequestsController {
  constructor(private readonly erasures: ErasureRequestsService) {}

  @Get()
  @ApiOkResponse({ type: [ErasureRequestResponseDto] })
  async list(
    @Query() query: ListErasureRequestsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ErasureRequestResponseDto[]> {
    return (await this.erasures.list({ principal, query })).map(toErasureRequestResponse);
  }

  @Post(':id/acknowledgement')
  @HttpCode(200)
  @Roles('referral-officer')
  @ApiOkResponse({ type: ErasureRequestResponseDto })
  async acknowledge(
    @Param() { id }: UuidParamDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ErasureRequestResponseDto> {
    return toErasureRequestResponse(await this.erasures.acknowledge({ principal, id }));
  }
}
