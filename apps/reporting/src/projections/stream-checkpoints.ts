import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LIVE_TABLES, type TableNames } from './fact-tables';

/**
 * How far each source stream has been applied: the highest stream sequence and event time seen.
 * Written in the projecting transaction, so it never claims an event whose facts did not commit.
 */
@Injectable()
export class StreamCheckpoints {
  async record(
    em: EntityManager,
    stream: string,
    sequence: number,
    eventTime: string,
    tables: TableNames = LIVE_TABLES,
  ): Promise<void> {
    await em.query(
      `INSERT INTO ${tables('stream_checkpoint')} AS checkpoint (stream, last_sequence, applied_up_to)
       VALUES ($1, $2, $3)
       ON CONFLICT (stream) DO UPDATE SET
         last_sequence = greatest(checkpoint.last_sequence, EXCLUDED.last_sequence),
         applied_up_to = greatest(checkpoint.applied_up_to, EXCLUDED.applied_up_to)`,
      [stream, sequence, eventTime],
    );
  }
}
