import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '@mrm/http';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { DuplicateMergeService } from './duplicate-merge.service';
import { DuplicateQueueService } from './duplicate-queue.service';
import {
  DuplicateCandidatePageDto,
  DuplicateCandidateResponseDto,
  toDuplicatePage,
  toDuplicateResponse,
} from './dto/duplicate-candidate.response.dto';
import {
  DismissDuplicateRequestDto,
  DuplicateIdParamDto,
  MergeDuplicateRequestDto,
} from './dto/duplicate-requests.dto';
import { ListDuplicatesQueryDto } from './dto/list-duplicates.query.dto';

@ApiTags('duplicates')
@Controller({ path: 'duplicates', version: '1' })
@Roles('case-worker', 'coordinator')
export class DuplicatesController {
  constructor(
    private readonly queue: DuplicateQueueService,
    private readonly merges: DuplicateMergeService,
  ) {}

  @Get()
  @ApiOkResponse({ type: DuplicateCandidatePageDto })
  async list(
    @Query() query: ListDuplicatesQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DuplicateCandidatePageDto> {
    return toDuplicatePage(await this.queue.list({ principal, ...query }), principal);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @ApiOkResponse({ type: DuplicateCandidateResponseDto })
  @ApiProblemResponses(404, 409)
  async merge(
    @Param() { id }: DuplicateIdParamDto,
    @Body() body: MergeDuplicateRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DuplicateCandidateResponseDto> {
    return toDuplicateResponse(
      await this.merges.merge({
        principal,
        duplicateId: id,
        survivorId: body.survivorId,
        reason: body.reason,
      }),
      principal,
    );
  }

  @Post(':id/dismissal')
  @HttpCode(200)
  @ApiOkResponse({ type: DuplicateCandidateResponseDto })
  @ApiProblemResponses(404, 409)
  async dismiss(
    @Param() { id }: DuplicateIdParamDto,
    @Body() body: DismissDuplicateRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DuplicateCandidateResponseDto> {
    return toDuplicateResponse(
      await this.queue.dismiss({ principal, duplicateId: id, reason: body.reason }),
      principal,
    );
  }
}
