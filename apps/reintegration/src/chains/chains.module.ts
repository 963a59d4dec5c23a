import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChainCatalogueService } from './chain-catalogue.service';
import { MilestoneChainEntity } from './milestone-chain.entity';

/** The versioned legal milestone chains (configuration loaded at boot). */
@Module({
  imports: [TypeOrmModule.forFeature([MilestoneChainEntity])],
  providers: [ChainCatalogueService],
  exports: [ChainCatalogueService],
})
export class ChainsModule {}
