import { applyDecorators, Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { IfMatchVersion, WithETag } from '@mrm/http';
import { UuidParamDto } from '../partners/dto/uuid-param.dto';
import { ReferralResponseDto, toReferralResponse } from './dto/referral.response.dto';
import {
  BusinessStatusRequestDto,
  CompleteReferralRequestDto,
  RedirectReferralRequestDto,
  RejectReferralRequestDto,
  SubmitReferralRequestDto,
  TransitionRequestDto,
} from './dto/transition.request.dto';
import { ReferralBusinessStatusService } from './referral-business-status.service';
import { ReferralTransitionsService } from './referral-transitions.service';

// Every transition answers 200 with the referral and its new ETag, and needs the current one.
const Transition = () =>
  applyDecorators(
    HttpCode(200),
    WithETag(),
    ApiHeader({
      name: 'If-Match',
      required: true,
      description: 'The ETag of the referral read',
      example: '"3"',
    }),
    ApiOkResponse({ type: ReferralResponseDto }),
  );

/** FHIR Task transitions as verb sub-resources (STYLE.md §4.3), each under If-Match. */
@ApiTags('referrals')
@Controller({ path: 'referrals/:id', version: '1' })
@Roles('referral-officer', 'coordinator')
export class ReferralTransitionsController {
  constructor(
    private readonly transitions: ReferralTransitionsService,
    private readonly businessStatus: ReferralBusinessStatusService,
  ) {}

  @Post('submit')
  @Transition()
  @ApiOperation({ summary: 'The referrer sends a draft (consent checked)' })
  async submit(
    @Param() { id }: UuidParamDto,
    @Body() body: SubmitReferralRequestDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReferralResponseDto> {
    const input = { principal, referralId: id, expectedVersion, note: body.note };
    return toReferralResponse(
      await this.transitions.transition({
        ...input,
        action: 'submit',
        overrideReason: body.consentOverride?.reason,
      }),
    );
  }

  @Post('acknowledge')
  @Transition()
  @ApiOperation({ summary: 'The receiver acknowledges receipt (FHIR `received`)' })
  async acknowledge(
    @Param() { id }: UuidParamDto,
    @Body() body: TransitionRequestDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReferralResponseDto> {
    const input = { principal, referralId: id, expectedVersion, note: body.note };
    return toReferralResponse(
      await this.transitions.transition({ ...input, action: 'acknowledge' }),
    );
  }

  @Post('accept')
  @Transition()
  @ApiOperation({ summary: 'The receiver accepts' })
  async accept(
    @Param() { id }: UuidParamDto,
    @Body() body: TransitionRequestDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReferralResponseDto> {
    const input = { principal, referralId: id, expectedVersion, note: body.note };
    return toReferralResponse(await this.transitions.transition({ ...input, action: 'accept' }));
  }

  @Post('reject')
  @Transition()
  @ApiOperation({ summary: 'The receiver declines with a reason' })
  async reject(
    @Param() { id }: UuidParamDto,
    @Body() body: RejectReferralRequestDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReferralResponseDto> {
    const input = { principal, referralId: id, expectedVersion, note: body.note };
    return toReferralResponse(
      await this.transitions.transition({
        ...input,
        action: 'reject',
        rejectionReason: body.reason,
      }),
    );
  }

  @Post('redirect')
  @Transition()
  @ApiOperation({
    summary: 'The receiver sends the person on to another service (linked referral)',
  })
  async redirect(
    @Param() { id }: UuidParamDto,
    @Body() body: RedirectReferralRequestDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReferralResponseDto> {
    const input = { principal, referralId: id, expectedVersion, note: body.note };
    return toReferralResponse(
      await this.transitions.transition({
        ...input,
        action: 'redirect',
        redirectServiceId: body.serviceId,
      }),
    );
  }

  @Post('start')
  @Transition()
  @ApiOperation({ summary: 'The receiver starts the service (FHIR `in-progress`)' })
  async start(
    @Param() { id }: UuidParamDto,
    @Body() body: TransitionRequestDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReferralResponseDto> {
    const input = { principal, referralId: id, expectedVersion, note: body.note };
    return toReferralResponse(await this.transitions.transition({ ...input, action: 'start' }));
  }

  @Post('complete')
  @Transition()
  @ApiOperation({ summary: 'The receiver reports the outcome' })
  async complete(
    @Param() { id }: UuidParamDto,
    @Body() body: CompleteReferralRequestDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReferralResponseDto> {
    const input = { principal, referralId: id, expectedVersion, note: body.note };
    return toReferralResponse(
      await this.transitions.transition({ ...input, action: 'complete', outcome: body.outcome }),
    );
  }

  @Post('fail')
  @Transition()
  @ApiOperation({ summary: 'The receiver could not complete it' })
  async fail(
    @Param() { id }: UuidParamDto,
    @Body() body: TransitionRequestDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReferralResponseDto> {
    const input = { principal, referralId: id, expectedVersion, note: body.note };
    return toReferralResponse(await this.transitions.transition({ ...input, action: 'fail' }));
  }

  @Post('cancel')
  @Transition()
  @ApiOperation({ summary: 'The referrer cancels it' })
  async cancel(
    @Param() { id }: UuidParamDto,
    @Body() body: TransitionRequestDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReferralResponseDto> {
    const input = { principal, referralId: id, expectedVersion, note: body.note };
    return toReferralResponse(await this.transitions.transition({ ...input, action: 'cancel' }));
  }

  @Post('business-status')
  @Transition()
  @ApiOperation({ summary: 'Either end records a local step of an open referral' })
  async setBusinessStatus(
    @Param() { id }: UuidParamDto,
    @Body() body: BusinessStatusRequestDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReferralResponseDto> {
    return toReferralResponse(
      await this.businessStatus.set({ principal, referralId: id, expectedVersion, ...body }),
    );
  }
}
