import { Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module';
import { SuggestionsController } from './suggestions.controller';
import { SuggestionsService } from './suggestions.service';

/** Ranked candidate services for a referral. */
@Module({
  imports: [PartnersModule],
  controllers: [SuggestionsController],
  providers: [SuggestionsService],
})
export class SuggestionsModule {}
