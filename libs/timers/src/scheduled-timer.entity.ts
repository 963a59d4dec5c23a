import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/**
 * A durable timer: a deadline, reminder or scheduled visit that fires once as a database
 * transaction of the owning service. Written and claimed only by `TimerScheduler` and
 * `TimerSweeper`; one row per (kind, key).
 */
@Entity({ name: 'scheduled_timer' })
@Unique('scheduled_timer_kind_key_key', ['kind', 'key'])
@Index('scheduled_timer_available_idx', ['availableAt'], { where: 'fired_at IS NULL' })
export class ScheduledTimerEntity {
  @PrimaryColumn('uuid') id: string;
  /** What fires, e.g. `visit.due`; the sweeper runs the handler registered for it. */
  @Column('text') kind: string;
  /** The aggregate the timer belongs to, unique within its kind, e.g. a visit id. */
  @Column('text') key: string;
  /** When the timer is due (business time). */
  @Column('timestamptz') dueAt: Date;
  /** When the sweeper may take it next: the due time, or later after a failed attempt. */
  @Column('timestamptz') availableAt: Date;
  @Column('jsonb', { default: () => "'{}'::jsonb" }) data: Record<string, unknown>;
  @Column('timestamptz', { nullable: true }) firedAt: Date | null;
  @Column('int', { default: 0 }) attempts: number;
  @Column('text', { nullable: true }) lastError: string | null;
  @Column('timestamptz', { default: () => 'now()' }) createdAt: Date;
}
