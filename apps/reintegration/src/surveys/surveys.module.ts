import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SurveyResponseEntity } from './survey-response.entity';
import { SurveyScoreEntity } from './survey-score.entity';
import { SurveyWeightsEntity } from './survey-weights.entity';
import { SurveyWeightsService } from './survey-weights.service';
import { SurveysController } from './surveys.controller';
import { SurveyRegistryService } from './survey-registry.service';
import { SurveysService } from './surveys.service';

/** RSS responses scored from versioned weights (configuration loaded at boot). */
@Module({
  imports: [
    TypeOrmModule.forFeature([SurveyResponseEntity, SurveyScoreEntity, SurveyWeightsEntity]),
  ],
  controllers: [SurveysController],
  providers: [SurveyWeightsService, SurveysService, SurveyRegistryService],
  exports: [SurveyRegistryService],
})
export class SurveysModule {}
