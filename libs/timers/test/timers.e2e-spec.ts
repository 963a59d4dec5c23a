import { ServiceConfig } from '@mrm/runtime';
import { ManualClock, TestService } from '@mrm/testing';
import { TimerScheduler, TimerSweeper } from '@mrm/timers';
import { DataSource } from 'typeorm';
import { DIGEST_CALLS, FAILING_KEYS, TimerTestModule } from './timer-test.module';

const HOUR = 3_600_000;
const start = new Date('2026-03-01T08:00:00Z');

// Two replicas on one database, each with its own clock moved by the test; sweeps are explicit.
describe('durable timers (e2e)', () => {
  const clocks = [new ManualClock(start), new ManualClock(start)];
  let replicas: TestService[] = [];

  const startReplica = (index: number, shareWith?: TestService) =>
    TestService.start({
      service: 'reintegration',
      configClass: ServiceConfig,
      rootModule: (config) => TimerTestModule.forRoot(config),
      openApi: { title: 'timers', description: 'timers', version: '1' },
      env: { TIMER_SWEEP_INTERVAL_MS: '0' },
      clock: clocks[index],
      shareWith,
    });

  const db = () => replicas[0].app.get(DataSource);
  const schedule = (key: string, dueAt: Date, kind = 'test.reminder') =>
    db().transaction((em) =>
      replicas[0].app.get(TimerScheduler).schedule(em, { kind, key, dueAt }),
    );
  const firings = async (key: string): Promise<number> => {
    const [{ count }] = await db().query(
      'SELECT count(*)::int AS count FROM timer_log WHERE timer_key = $1',
      [key],
    );
    return count;
  };
  const sweepBoth = () =>
    Promise.all(replicas.map((replica) => replica.app.get(TimerSweeper).sweepOnce()));
  const moveClocks = (ms: number) => clocks.forEach((clock) => clock.advance(ms));

  beforeAll(async () => {
    const first = await startReplica(0);
    replicas = [first, await startReplica(1, first)];
  });

  afterAll(async () => {
    await replicas[1]?.stop();
    await replicas[0]?.stop();
  });

  it('fires each due timer once across two replicas sweeping at the same time', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `visit-${i}`);
    for (const key of keys) await schedule(key, new Date(start.getTime() + HOUR));

    expect(await sweepBoth()).toEqual([0, 0]);
    moveClocks(HOUR);
    const fired = await sweepBoth();

    expect(fired[0] + fired[1]).toBe(40);
    for (const key of keys) expect(await firings(key)).toBe(1);
    expect(await sweepBoth()).toEqual([0, 0]);
  });

  it('retries a failing timer later without losing the others of its batch', async () => {
    FAILING_KEYS.add('flaky');
    const due = clocks[0].now();
    await schedule('flaky', due);
    await schedule('steady', due);

    await sweepBoth();
    expect(await firings('steady')).toBe(1);
    expect(await firings('flaky')).toBe(0);
    const [row] = await db().query(
      "SELECT attempts, last_error FROM scheduled_timer WHERE key = 'flaky'",
    );
    expect(row).toEqual({ attempts: 1, last_error: 'reminder flaky refused' });

    FAILING_KEYS.delete('flaky');
    expect(await sweepBoth()).toEqual([0, 0]);
    moveClocks(2000);
    await sweepBoth();
    expect(await firings('flaky')).toBe(1);
  });

  it('gives a batch handler every due timer of its kind at once, and retries a failing one alone', async () => {
    const due = clocks[0].now();
    for (const key of ['digest-a', 'digest-b', 'digest-c']) await schedule(key, due, 'test.digest');
    DIGEST_CALLS.length = 0;

    expect(await replicas[0].app.get(TimerSweeper).sweepOnce()).toBe(3);
    expect(DIGEST_CALLS).toEqual([3]);

    FAILING_KEYS.add('digest-flaky');
    for (const key of ['digest-d', 'digest-flaky', 'digest-e']) {
      await schedule(key, due, 'test.digest');
    }
    DIGEST_CALLS.length = 0;
    expect(await replicas[0].app.get(TimerSweeper).sweepOnce()).toBe(2);
    expect(DIGEST_CALLS).toEqual([3, 1, 1, 1]);
    for (const key of ['digest-a', 'digest-b', 'digest-c', 'digest-d', 'digest-e']) {
      expect(await firings(key)).toBe(1);
    }
    expect(await firings('digest-flaky')).toBe(0);
    const [row] = await db().query(
      "SELECT attempts, last_error, fired_at FROM scheduled_timer WHERE key = 'digest-flaky'",
    );
    expect(row).toEqual({ attempts: 1, last_error: 'digest digest-flaky refused', fired_at: null });
    FAILING_KEYS.delete('digest-flaky');
  });

  it('keeps a timer through a restart of the replica that would have fired it', async () => {
    await schedule('after-restart', new Date(clocks[0].now().getTime() + 3 * HOUR));
    await replicas[1].stop();
    replicas[1] = await startReplica(1, replicas[0]);

    moveClocks(3 * HOUR);
    await sweepBoth();

    expect(await firings('after-restart')).toBe(1);
  });

  it('does not fire a cancelled timer, and fires a rescheduled one at its new time', async () => {
    const scheduler = replicas[0].app.get(TimerScheduler);
    const now = clocks[0].now().getTime();
    await schedule('cancelled', new Date(now + HOUR));
    await schedule('moved', new Date(now + HOUR));
    await db().transaction(async (em) => {
      await scheduler.cancel(em, { kind: 'test.reminder', key: 'cancelled' });
      await scheduler.schedule(em, {
        kind: 'test.reminder',
        key: 'moved',
        dueAt: new Date(now + 5 * HOUR),
      });
    });

    moveClocks(2 * HOUR);
    await sweepBoth();
    expect(await firings('cancelled')).toBe(0);
    expect(await firings('moved')).toBe(0);

    moveClocks(3 * HOUR);
    await sweepBoth();
    expect(await firings('moved')).toBe(1);
  });
});
