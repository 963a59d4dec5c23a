import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryImportService } from './directory-import.service';
import { PartnerServiceEntity } from './partner-service.entity';
import { PartnerServicesService } from './partner-services.service';
import { PartnerEntity } from './partner.entity';
import { PartnersController } from './partners.controller';
import { PartnersService } from './partners.service';
import { ServicesController } from './services.controller';

/**
 * The partner directory; exports `PartnerServicesService` for referrals and suggestions, and
 * `PartnersService` for the partner bus (a partner's system status).
 */
@Module({
  imports: [TypeOrmModule.forFeature([PartnerEntity, PartnerServiceEntity])],
  controllers: [PartnersController, ServicesController],
  providers: [PartnersService, PartnerServicesService, DirectoryImportService],
  exports: [PartnerServicesService, PartnersService],
})
export class PartnersModule {}
