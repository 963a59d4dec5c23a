import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BeneficiariesModule } from '../beneficiaries/beneficiaries.module';
import { ConsentEntity } from './consent.entity';
import { ConsentsController } from './consents.controller';
import { ConsentsService } from './consents.service';
import { ConsentsErasureService } from './consents-erasure.service';

/** Structured consent; exports `ConsentsService.activeConsentsFor` for features that share data. */
@Module({
  imports: [TypeOrmModule.forFeature([ConsentEntity]), BeneficiariesModule],
  controllers: [ConsentsController],
  providers: [ConsentsErasureService, ConsentsService],
  exports: [ConsentsErasureService, ConsentsService],
})
export class ConsentsModule {}
