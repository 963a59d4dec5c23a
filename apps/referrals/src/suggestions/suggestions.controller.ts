import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { SuggestionResponseDto, toSuggestionResponse } from './dto/suggestion.response.dto';
import { SuggestionsQueryDto } from './dto/suggestions.query.dto';
import { SuggestionsService } from './suggestions.service';

@ApiTags('suggestions')
@Controller({ path: 'suggestions', version: '1' })
@Roles('referral-officer', 'coordinator')
export class SuggestionsController {
  constructor(private readonly suggestions: SuggestionsService) {}

  @Get()
  @ApiOkResponse({ type: [SuggestionResponseDto] })
  async suggest(
    @Query() query: SuggestionsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SuggestionResponseDto[]> {
    return (await this.suggestions.suggest({ principal, ...query })).map(toSuggestionResponse);
  }
}
