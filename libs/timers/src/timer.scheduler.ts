import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@mrm/contracts';
import type { EntityManager } from 'typeorm';

export interface TimerInput {
  /** What fires, e.g. `referral.answer-due`. */
  readonly kind: string;
  /** The aggregate, unique within the kind, e.g. a referral id. */
  readonly key: string;
  readonly dueAt: Date;
  /** What the handler needs besides the key; small and free of personal data. */
  readonly data?: Record<string, unknown>;
}

/** Arms and disarms durable timers inside the caller's transaction, beside its state change. */
@Injectable()
export class TimerScheduler {
  /** Arms the timer of (kind, key), or moves it: a fired timer scheduled again fires again. */
  async schedule(em: EntityManager, timer: TimerInput): Promise<void> {
    await em.query(
      `INSERT INTO scheduled_timer (id, kind, key, due_at, available_at, data)
       VALUES ($1, $2, $3, $4, $4, $5)
       ON CONFLICT (kind, key) DO UPDATE SET
         due_at = EXCLUDED.due_at,
         available_at = EXCLUDED.due_at,
         data = EXCLUDED.data,
         fired_at = NULL,
         attempts = 0,
         last_error = NULL`,
      [uuidv7(), timer.kind, timer.key, timer.dueAt, JSON.stringify(timer.data ?? {})],
    );
  }

  /** Disarms the timer of (kind, key) if it has not fired; a fired one stays as a record. */
  async cancel(em: EntityManager, timer: { kind: string; key: string }): Promise<void> {
    await em.query(
      'DELETE FROM scheduled_timer WHERE kind = $1 AND key = $2 AND fired_at IS NULL',
      [timer.kind, timer.key],
    );
  }
}
