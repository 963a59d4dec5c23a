import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReferralsFeatureModule } from '../referrals/referrals.module';
import { ErasureRequestEntity } from './erasure-request.entity';
import { ErasureRequestsController } from './erasure-requests.controller';
import { ErasureRequestsService } from './erasure-requests.service';

/** Erasure propagated to receiving institutions; exports the reaction to `beneficiary.erased`. */
@Module({
  imports: [TypeOrmModule.forFeature([ErasureRequestEntity]), ReferralsFeatureModule],
  controllers: [ErasureRequestsController],
  providers: [ErasureRequestsService],
  exports: [ErasureRequestsService],
})
export class ErasuresModule {}
