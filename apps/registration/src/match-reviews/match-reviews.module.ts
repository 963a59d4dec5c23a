import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { MatchReviewEntity } from './match-review.entity';
import { MatchReviewsController } from './match-reviews.controller';
import { MatchReviewsErasureService } from './match-reviews-erasure.service';
import { MatchReviewsService } from './match-reviews.service';

/**
 * Cross-institution matches: what create, identity search and imports may tell a user about
 * another institution's records, the probing budget, and the coordinators' review queue.
 */
@Module({
  imports: [TypeOrmModule.forFeature([MatchReviewEntity]), AuditModule],
  controllers: [MatchReviewsController],
  providers: [MatchReviewsService, MatchReviewsErasureService],
  exports: [MatchReviewsService, MatchReviewsErasureService],
})
export class MatchReviewsModule {}
