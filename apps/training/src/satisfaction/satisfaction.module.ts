import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoursesModule } from '../courses/courses.module';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { SatisfactionResponseEntity } from './satisfaction-response.entity';
import { SatisfactionController } from './satisfaction.controller';
import { SatisfactionService } from './satisfaction.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([SatisfactionResponseEntity]),
    CoursesModule,
    EnrolmentsModule,
  ],
  controllers: [SatisfactionController],
  providers: [SatisfactionService],
  // The registration-events handler forgets an erased person's answers.
  exports: [SatisfactionService],
})
export class SatisfactionModule {}
