import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BeneficiariesModule } from '../beneficiaries/beneficiaries.module';
import { EnrolmentEntity } from './enrolment.entity';
import { EnrolmentsController } from './enrolments.controller';
import { EnrolmentsService } from './enrolments.service';
import { ProgrammeEntity } from './programme.entity';
import { ProgrammesController } from './programmes.controller';
import { ProgrammesService } from './programmes.service';

@Module({
  imports: [TypeOrmModule.forFeature([ProgrammeEntity, EnrolmentEntity]), BeneficiariesModule],
  controllers: [ProgrammesController, EnrolmentsController],
  providers: [ProgrammesService, EnrolmentsService],
  // EnrolmentsService.repointEnrolments: duplicates/ moves a merged record's enrolments.
  exports: [EnrolmentsService],
})
export class ProgrammesModule {}
