import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { CreatedResource, Idempotent, IfMatchVersion, WithETag } from '@mrm/http';
import { CoursesService } from './courses.service';
import { CourseIdParamDto } from './dto/course-id-param.dto';
import {
  CoursePageResponseDto,
  CourseResponseDto,
  toCoursePageResponse,
  toCourseResponse,
} from './dto/course.response.dto';
import { CreateCourseRequestDto } from './dto/create-course.request.dto';
import { ListCoursesQueryDto } from './dto/list-courses.query.dto';
import { UpdateCourseRequestDto } from './dto/update-course.request.dto';

@ApiTags('courses')
@Controller({ path: 'courses', version: '1' })
@Roles('coordinator', 'case-worker', 'trainer', 'analyst', 'auditor')
export class CoursesController {
  constructor(private readonly courses: CoursesService) {}

  @Post()
  @HttpCode(201)
  @Roles('coordinator', 'case-worker', 'trainer')
  @ApiCreatedResponse({ type: CourseResponseDto })
  @CreatedResource()
  @Idempotent()
  async create(
    @Body() body: CreateCourseRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CourseResponseDto> {
    return toCourseResponse(await this.courses.create({ principal, request: body }));
  }

  @Get()
  @ApiOkResponse({ type: CoursePageResponseDto })
  async list(
    @Query() query: ListCoursesQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CoursePageResponseDto> {
    return toCoursePageResponse(await this.courses.list({ principal, ...query }));
  }

  @Get(':id')
  @WithETag()
  @ApiOkResponse({ type: CourseResponseDto })
  async get(
    @Param() { id }: CourseIdParamDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CourseResponseDto> {
    return toCourseResponse(await this.courses.get({ principal, courseId: id }));
  }

  @Patch(':id')
  @Roles('coordinator', 'trainer')
  @WithETag()
  @ApiHeader({
    name: 'If-Match',
    required: true,
    example: '"1"',
    description: 'The ETag of the version edited',
  })
  @ApiOkResponse({ type: CourseResponseDto })
  async update(
    @Param() { id }: CourseIdParamDto,
    @Body() patch: UpdateCourseRequestDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CourseResponseDto> {
    return toCourseResponse(
      await this.courses.update({ principal, courseId: id, patch, expectedVersion }),
    );
  }
}
