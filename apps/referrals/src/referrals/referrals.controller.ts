import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { CreatedResource, Idempotent, WithETag } from '@mrm/http';
import { UuidParamDto } from '../partners/dto/uuid-param.dto';
import { CreateReferralRequestDto } from './dto/create-referral.request.dto';
import { ListReferralsQueryDto } from './dto/list-referrals.query.dto';
import {
  ReferralPageResponseDto,
  ReferralResponseDto,
  ReferralTransitionResponseDto,
  toReferralHistoryResponse,
  toReferralPageResponse,
  toReferralResponse,
} from './dto/referral.response.dto';
import { ReferralsService } from './referrals.service';

/** Referrals between institutions: each end sees its side, coordinators all. */
@ApiTags('referrals')
@Controller({ path: 'referrals', version: '1' })
@Roles('referral-officer', 'coordinator')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: ReferralResponseDto })
  @CreatedResource()
  @Idempotent()
  async create(
    @Body() body: CreateReferralRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReferralResponseDto> {
    return toReferralResponse(await this.referrals.create({ principal, request: body }));
  }

  @Get()
  @ApiOkResponse({ type: ReferralPageResponseDto })
  async list(
    @Query() query: ListReferralsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReferralPageResponseDto> {
    return toReferralPageResponse(await this.referrals.list({ principal, query }));
  }

  @Get(':id')
  @WithETag()
  @ApiOkResponse({ type: ReferralResponseDto })
  async get(
    @Param() { id }: UuidParamDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReferralResponseDto> {
    return toReferralResponse(await this.referrals.get({ principal, referralId: id }));
  }

  @Get(':id/history')
  @ApiOkResponse({ type: [ReferralTransitionResponseDto] })
  async history(
    @Param() { id }: UuidParamDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReferralTransitionResponseDto[]> {
    return toReferralHistoryResponse(await this.referrals.history({ principal, referralId: id }));
  }
}
