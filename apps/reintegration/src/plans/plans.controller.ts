import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import {
  CreatedResource,
  IfMatchVersion,
  Idempotent,
  WithETag,
  OptionalIfMatchVersion,
} from '@mrm/http';
import { ListPlansQueryDto } from './dto/list-plans.query.dto';
import { PlanIdParamDto } from './dto/plan-params.dto';
import { CreatePlanRequestDto, PlanContentDto } from './dto/plan.request.dto';
import {
  PlanPageResponseDto,
  PlanResponseDto,
  PlanRevisionResponseDto,
  toPlanPageResponse,
  toPlanResponse,
  toPlanRevisionResponse,
} from './dto/plan.response.dto';
import { PlanReader } from './plan.reader';
import { PlansService } from './plans.service';

@ApiTags('plans')
@Controller({ path: 'plans', version: '1' })
@Roles('project-officer', 'coordinator')
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly reader: PlanReader,
  ) {}

  @Post()
  @Roles('project-officer')
  @Idempotent()
  @HttpCode(201)
  @CreatedResource()
  @ApiCreatedResponse({ type: PlanResponseDto })
  async create(
    @Body() body: CreatePlanRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PlanResponseDto> {
    return toPlanResponse(await this.plans.create({ principal, request: body }));
  }

  @Get()
  @ApiOkResponse({ type: PlanPageResponseDto })
  async list(
    @Query() query: ListPlansQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PlanPageResponseDto> {
    return toPlanPageResponse(await this.reader.list({ principal, ...query }));
  }

  @Get(':id')
  @WithETag()
  @ApiOkResponse({ type: PlanResponseDto })
  async get(
    @Param() { id }: PlanIdParamDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PlanResponseDto> {
    return toPlanResponse(await this.plans.get({ principal, planId: id }));
  }

  @Patch(':id')
  @Roles('project-officer')
  @WithETag()
  @ApiOkResponse({ type: PlanResponseDto })
  async revise(
    @Param() { id }: PlanIdParamDto,
    @Body() body: PlanContentDto,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
  ): Promise<PlanResponseDto> {
    return toPlanResponse(
      await this.plans.revise({ principal, planId: id, expectedVersion, request: body }),
    );
  }

  @Post(':id/approve')
  @Roles('coordinator')
  @HttpCode(200)
  @WithETag()
  @ApiOkResponse({ type: PlanResponseDto })
  async approve(
    @Param() { id }: PlanIdParamDto,
    @CurrentPrincipal() principal: Principal,
    @OptionalIfMatchVersion() expectedVersion: number | undefined,
  ): Promise<PlanResponseDto> {
    return toPlanResponse(await this.plans.approve({ principal, planId: id, expectedVersion }));
  }

  @Get(':id/revisions')
  @ApiOkResponse({ type: [PlanRevisionResponseDto] })
  async revisions(
    @Param() { id }: PlanIdParamDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PlanRevisionResponseDto[]> {
    return (await this.plans.revisions({ principal, planId: id })).map(toPlanRevisionResponse);
  }
}
