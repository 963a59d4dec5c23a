import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { SERVICE_CONFIG } from '@mrm/runtime';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReintegrationConfig } from '../reintegration.config';
import { readChainFile, type ChainDefinition, type ChainFile } from './chain-file';
import { ChainError } from './chain.errors';
import { MilestoneChainEntity } from './milestone-chain.entity';
import type { ProjectKind } from '../projects/project-vocabulary';

/** A chain at one version: what a project follows from creation to operation. */
export interface VersionedChain {
  readonly version: string;
  readonly definition: ChainDefinition;
}

/**
 * The legal milestone chains: configuration, not code. The file is loaded at boot into
 * `milestone_chain` under its version; a version once loaded never changes (the boot fails if the
 * file changed without a new version), so a project follows the version it started with.
 */
@Injectable()
export class ChainCatalogueService implements OnModuleInit {
  private file: ChainFile;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ReintegrationConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.file = readChainFile(this.config.REINTEGRATION_MILESTONE_CHAINS_FILE);
    for (const chain of this.file.chains) {
      const definition = JSON.stringify(chain);
      // Concurrent replicas may load the same version: the first insert wins, the others compare.
      const [row]: Array<{ same: boolean }> = await this.dataSource.query(
        `WITH inserted AS (
           INSERT INTO milestone_chain (code, version, definition) VALUES ($1, $2, $3::jsonb)
           ON CONFLICT (code, version) DO NOTHING RETURNING true AS same)
         SELECT same FROM inserted
         UNION ALL
         SELECT definition = $3::jsonb FROM milestone_chain WHERE code = $1 AND version = $2`,
        [chain.code, this.file.version, definition],
      );
      if (!row.same) {
        throw new Error(
          `Milestone chain ${chain.code} version ${this.file.version} changed: give the file a new version`,
        );
      }
    }
  }

  /** The current version of `code`, or of the kind's default chain, checked against the kind. */
  current(input: { kind: ProjectKind; code?: string }): VersionedChain {
    const code = input.code ?? this.file.defaults?.[input.kind];
    const definition = this.file.chains.find((chain) => chain.code === code);
    if (!definition) throw new ChainError('CHAIN_NOT_FOUND', { detail: `chain ${code ?? '-'}` });
    if (!definition.kinds.includes(input.kind)) throw new ChainError('CHAIN_NOT_FOR_KIND');
    return { version: this.file.version, definition };
  }

  /** The version a project follows. */
  async get(em: EntityManager, input: { code: string; version: string }): Promise<VersionedChain> {
    const row = await em.findOneBy(MilestoneChainEntity, input);
    if (!row) throw new ChainError('CHAIN_NOT_FOUND');
    return { version: row.version, definition: row.definition };
  }
}
