import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { ApiProblemResponses } from '@mrm/http';
import {
  ListMatchReviewsQueryDto,
  MatchReviewIdParamDto,
  MatchReviewPageDto,
  MatchReviewResponseDto,
  ResolveMatchReviewRequestDto,
  toMatchReviewPage,
  toMatchReviewResponse,
} from './dto/match-review.dto';
import { MatchReviewsService } from './match-reviews.service';

/** The coordinators' queue of cross-institution matches (who was told, which records, why). */
@ApiTags('match-reviews')
@Controller({ path: 'match-reviews', version: '1' })
@Roles('coordinator', 'admin')
export class MatchReviewsController {
  constructor(private readonly reviews: MatchReviewsService) {}

  @Get()
  @ApiOkResponse({ type: MatchReviewPageDto })
  async list(@Query() query: ListMatchReviewsQueryDto): Promise<MatchReviewPageDto> {
    return toMatchReviewPage(await this.reviews.list(query));
  }

  @Post(':id/resolution')
  @HttpCode(200)
  @ApiOkResponse({ type: MatchReviewResponseDto })
  @ApiProblemResponses(404, 409)
  async resolve(
    @Param() { id }: MatchReviewIdParamDto,
    @Body() body: ResolveMatchReviewRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MatchReviewResponseDto> {
    return toMatchReviewResponse(
      await this.reviews.resolve({ principal, reviewId: id, note: body.note }),
    );
  }
}
