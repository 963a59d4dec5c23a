import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { WithETag, OptionalIfMatchVersion } from '@mrm/http';
import { ProjectIdParamDto } from '../projects/dto/project-params.dto';
import {
  MilestoneProgressResponseDto,
  toMilestoneProgressResponse,
} from './dto/milestone.response.dto';
import { ReachMilestoneRequestDto } from './dto/reach-milestone.request.dto';
import { MilestonesService } from './milestones.service';

/** A project's legal milestones: its chain with what was reached, and reaching the next one. */
@ApiTags('projects')
@Controller({ path: 'projects/:id/milestones', version: '1' })
@Roles('project-officer', 'coordinator')
export class MilestonesController {
  constructor(private readonly milestones: MilestonesService) {}

  @Get()
  @WithETag()
  @ApiOkResponse({ type: MilestoneProgressResponseDto })
  async list(
    @Param() { id }: ProjectIdParamDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MilestoneProgressResponseDto> {
    return toMilestoneProgressResponse(
      await this.milestones.progress({ principal, projectId: id }),
    );
  }

  @Post()
  @Roles('project-officer')
  @HttpCode(200)
  @WithETag()
  @ApiOkResponse({ type: MilestoneProgressResponseDto })
  async reach(
    @Param() { id }: ProjectIdParamDto,
    @Body() body: ReachMilestoneRequestDto,
    @CurrentPrincipal() principal: Principal,
    @OptionalIfMatchVersion() expectedVersion: number | undefined,
  ): Promise<MilestoneProgressResponseDto> {
    return toMilestoneProgressResponse(
      await this.milestones.reach({ principal, projectId: id, expectedVersion, request: body }),
    );
  }
}
