import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { SERVICE_CONFIG } from '@mrm/runtime';
import { DataSource } from 'typeorm';
import type { ReintegrationConfig } from '../reintegration.config';
import { readSurveyWeightsFile, type SurveyWeights } from './survey-weights-file';

/**
 * The RSS weights: configuration, not code. The file is loaded at boot into `survey_weights` under
 * its version; a version once loaded never changes (the boot fails if the file changed without a
 * new version), so every stored score names weights that still exist as they were.
 */
@Injectable()
export class SurveyWeightsService implements OnModuleInit {
  private weights: SurveyWeights;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ReintegrationConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.weights = readSurveyWeightsFile(this.config.REINTEGRATION_SURVEY_WEIGHTS_FILE);
    const definition = JSON.stringify(this.weights);
    // Concurrent replicas may load the same version: the first insert wins, the others compare.
    const [row]: Array<{ same: boolean }> = await this.dataSource.query(
      `WITH inserted AS (
         INSERT INTO survey_weights (version, definition) VALUES ($1, $2::jsonb)
         ON CONFLICT (version) DO NOTHING RETURNING true AS same)
       SELECT same FROM inserted
       UNION ALL
       SELECT definition = $2::jsonb FROM survey_weights WHERE version = $1`,
      [this.weights.version, definition],
    );
    if (!row.same) {
      throw new Error(
        `RSS weights version ${this.weights.version} changed: give the file a new version`,
      );
    }
  }

  /** The version new responses are scored with. */
  current(): SurveyWeights {
    return this.weights;
  }
}
