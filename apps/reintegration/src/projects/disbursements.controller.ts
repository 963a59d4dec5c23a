import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { WithETag, OptionalIfMatchVersion } from '@mrm/http';
import { DisbursementsService } from './disbursements.service';
import { ProjectIdParamDto, TrancheParamsDto } from './dto/project-params.dto';
import { ProjectResponseDto, toProjectResponse } from './dto/project.response.dto';
import { PayTrancheRequestDto, PlanTrancheRequestDto } from './dto/tranche.request.dto';

/** Disbursement tranches of a project; each answer is the whole project with its totals. */
@ApiTags('projects')
@Controller({ path: 'projects/:id/tranches', version: '1' })
@Roles('project-officer')
export class DisbursementsController {
  constructor(private readonly disbursements: DisbursementsService) {}

  @Post()
  @HttpCode(200)
  @WithETag()
  @ApiOkResponse({ type: ProjectResponseDto })
  async plan(
    @Param() { id }: ProjectIdParamDto,
    @Body() body: PlanTrancheRequestDto,
    @CurrentPrincipal() principal: Principal,
    @OptionalIfMatchVersion() expectedVersion: number | undefined,
  ): Promise<ProjectResponseDto> {
    return toProjectResponse(
      await this.disbursements.plan({ principal, projectId: id, expectedVersion, request: body }),
    );
  }

  @Post(':trancheId/payment')
  @HttpCode(200)
  @WithETag()
  @ApiOkResponse({ type: ProjectResponseDto })
  async pay(
    @Param() { id, trancheId }: TrancheParamsDto,
    @Body() body: PayTrancheRequestDto,
    @CurrentPrincipal() principal: Principal,
    @OptionalIfMatchVersion() expectedVersion: number | undefined,
  ): Promise<ProjectResponseDto> {
    return toProjectResponse(
      await this.disbursements.pay({
        principal,
        projectId: id,
        trancheId,
        expectedVersion,
        request: body,
      }),
    );
  }
}
