import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ChainDefinition } from './chain-file';

/** One version of a legal milestone chain, as loaded from the configuration file. */
@Entity({ name: 'milestone_chain' })
export class MilestoneChainEntity {
  @PrimaryColumn('text') code: string;
  @PrimaryColumn('text') version: string;
  @Column('jsonb') definition: ChainDefinition;
  @Column('timestamptz', { default: () => 'now()' }) loadedAt: Date;
}
