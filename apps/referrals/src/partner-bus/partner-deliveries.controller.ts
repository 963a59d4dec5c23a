import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { UuidParamDto } from '../partners/dto/uuid-param.dto';
import { ReferralsService } from '../referrals/referrals.service';
import {
  PartnerDeliveryResponseDto,
  toPartnerDeliveryResponse,
} from './dto/partner-delivery.response.dto';
import { PartnerDeliveries } from './partner-deliveries.service';

/** Receipts per hop of what the partner bus carried about a referral. */
@ApiTags('referrals')
@Controller({ path: 'referrals/:id/deliveries', version: '1' })
@Roles('referral-officer', 'coordinator')
export class PartnerDeliveriesController {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly deliveries: PartnerDeliveries,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Messages sent to the partner system: published, delivered, acknowledged',
  })
  @ApiOkResponse({ type: [PartnerDeliveryResponseDto] })
  async list(
    @Param() { id }: UuidParamDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PartnerDeliveryResponseDto[]> {
    // The referral's visibility rules: 404 for anyone who may not see it.
    await this.referrals.get({ principal, referralId: id });
    return (await this.deliveries.listFor(id)).map(toPartnerDeliveryResponse);
  }
}
