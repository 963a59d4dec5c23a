import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { CreatedResource, Idempotent, WithETag } from '@mrm/http';
import { CreateProjectRequestDto } from './dto/create-project.request.dto';
import { ListProjectsQueryDto } from './dto/list-projects.query.dto';
import { ProjectIdParamDto } from './dto/project-params.dto';
import {
  ProjectPageResponseDto,
  ProjectResponseDto,
  toProjectPageResponse,
  toProjectResponse,
} from './dto/project.response.dto';
import { ProjectReader } from './project.reader';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@Controller({ path: 'projects', version: '1' })
@Roles('project-officer', 'coordinator')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly reader: ProjectReader,
  ) {}

  @Post()
  @Roles('project-officer')
  @Idempotent()
  @HttpCode(201)
  @CreatedResource()
  @ApiCreatedResponse({ type: ProjectResponseDto })
  async create(
    @Body() body: CreateProjectRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProjectResponseDto> {
    return toProjectResponse(await this.projects.create({ principal, request: body }));
  }

  @Get()
  @ApiOkResponse({ type: ProjectPageResponseDto })
  async list(
    @Query() query: ListProjectsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProjectPageResponseDto> {
    return toProjectPageResponse(await this.reader.list({ principal, ...query }));
  }

  @Get(':id')
  @WithETag()
  @ApiOkResponse({ type: ProjectResponseDto })
  async get(
    @Param() { id }: ProjectIdParamDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProjectResponseDto> {
    return toProjectResponse(await this.reader.get({ principal, projectId: id }));
  }
}
