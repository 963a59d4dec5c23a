import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { IfMatchVersion, WithETag } from '@mrm/http';
import { CourseLifecycleService } from './course-lifecycle.service';
import { CancelCourseRequestDto } from './dto/cancel-course.request.dto';
import { CourseIdParamDto } from './dto/course-id-param.dto';
import { CourseResponseDto, toCourseResponse } from './dto/course.response.dto';

@ApiTags('courses')
@Controller({ path: 'courses/:id', version: '1' })
@Roles('coordinator', 'trainer')
@ApiHeader({
  name: 'If-Match',
  required: true,
  example: '"1"',
  description: 'The ETag of the version changed',
})
export class CourseLifecycleController {
  constructor(private readonly lifecycle: CourseLifecycleService) {}

  @Post('open')
  @HttpCode(200)
  @WithETag()
  @ApiOkResponse({ type: CourseResponseDto })
  async open(
    @Param() { id }: CourseIdParamDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CourseResponseDto> {
    return toCourseResponse(
      await this.lifecycle.open({ principal, courseId: id, expectedVersion }),
    );
  }

  @Post('start')
  @HttpCode(200)
  @WithETag()
  @ApiOkResponse({ type: CourseResponseDto })
  async start(
    @Param() { id }: CourseIdParamDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CourseResponseDto> {
    return toCourseResponse(
      await this.lifecycle.start({ principal, courseId: id, expectedVersion }),
    );
  }

  @Post('cancel')
  @HttpCode(200)
  @WithETag()
  @ApiOkResponse({ type: CourseResponseDto })
  async cancel(
    @Param() { id }: CourseIdParamDto,
    @Body() body: CancelCourseRequestDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CourseResponseDto> {
    return toCourseResponse(
      await this.lifecycle.cancel({
        principal,
        courseId: id,
        expectedVersion,
        reason: body.reason,
      }),
    );
  }
}
