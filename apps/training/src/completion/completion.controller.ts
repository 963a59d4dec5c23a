import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { IfMatchVersion, WithETag } from '@mrm/http';
import { CourseIdParamDto } from '../courses/dto/course-id-param.dto';
import { CourseResponseDto, toCourseResponse } from '../courses/dto/course.response.dto';
import { CompletionService } from './completion.service';

@ApiTags('courses')
@Controller({ path: 'courses/:id/complete', version: '1' })
export class CompletionController {
  constructor(private readonly completion: CompletionService) {}

  @Post()
  @HttpCode(200)
  @Roles('coordinator', 'trainer')
  @WithETag()
  @ApiHeader({
    name: 'If-Match',
    required: true,
    example: '"1"',
    description: 'The ETag of the course',
  })
  @ApiOkResponse({ type: CourseResponseDto, description: 'Every enrolment’s outcome is computed' })
  async complete(
    @Param() { id }: CourseIdParamDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CourseResponseDto> {
    return toCourseResponse(
      await this.completion.complete({ principal, courseId: id, expectedVersion }),
    );
  }
}
