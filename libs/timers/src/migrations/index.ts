import { CreateScheduledTimer1796521000000 } from './1796521000000-CreateScheduledTimer';

/** The migrations of `scheduled_timer`; a service with timers spreads them into its own list. */
export const TIMER_MIGRATIONS = [CreateScheduledTimer1796521000000];
