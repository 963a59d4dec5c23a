import {
  beneficiaryClosedV1,
  beneficiaryUpdatedV1,
  uuidv7,
  type EventEnvelope,
} from '@mrm/contracts';
import { aRegisteredEvent, TestService } from '@mrm/testing';
import { DataSource } from 'typeorm';
import { BeneficiaryFactsProjector } from '../src/beneficiary-indicators/beneficiary-facts.projector';
import { startReporting } from './support/start-reporting';

// A closure and a newer event carrying the status may arrive in any order (concurrent consumers,
// redeliveries): closed_at must come out the same, one event per transaction or all in one batch.
describe('beneficiary closures in any order (e2e)', () => {
  let sut: TestService;

  beforeAll(async () => {
    sut = await startReporting();
  });

  afterAll(() => sut?.stop());

  const closed = (beneficiaryId: string, version: number, closedAt: string) =>
    beneficiaryClosedV1.build(
      { beneficiaryId, reason: 'other', closedAt, version },
      { subject: beneficiaryId, correlationId: uuidv7() },
    );
  const updated = (beneficiaryId: string, version: number, status: string) =>
    beneficiaryUpdatedV1.build(
      {
        ...aRegisteredEvent({ beneficiaryId }).data,
        status,
        version,
        updatedAt: '2026-03-01T00:00:00.000Z',
      },
      { subject: beneficiaryId, correlationId: uuidv7() },
    );

  const permutations = <T>(items: readonly T[]): T[][] =>
    items.length <= 1
      ? [[...items]]
      : items.flatMap((item, i) =>
          permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [
            item,
            ...rest,
          ]),
        );

  // Every order, one event per transaction and as one batch: the closed_at each one leaves.
  async function closedAtInEveryOrder(
    story: (beneficiaryId: string) => EventEnvelope[],
  ): Promise<Array<string | null>> {
    const projector = sut.app.get(BeneficiaryFactsProjector);
    const dataSource = sut.app.get(DataSource);
    const results: Array<string | null> = [];
    for (const order of permutations(story(uuidv7()).map((_, i) => i))) {
      for (const batched of [false, true]) {
        const beneficiaryId = uuidv7();
        const events = story(beneficiaryId);
        const inOrder = order.map((i) => events[i]);
        const batches = batched ? [inOrder] : inOrder.map((event) => [event]);
        for (const batch of batches) {
          await dataSource.transaction((em) => projector.apply(em, batch));
        }
        const [{ closed_at }]: Array<{ closed_at: Date | null }> = await dataSource.query(
          'SELECT closed_at FROM beneficiary_fact WHERE beneficiary_id = $1',
          [beneficiaryId],
        );
        results.push(closed_at?.toISOString() ?? null);
      }
    }
    return results;
  }

  it('keeps the closure time when a newer update also says closed', async () => {
    const results = await closedAtInEveryOrder((id) => [
      aRegisteredEvent({ beneficiaryId: id }),
      closed(id, 2, '2026-02-01T00:00:00.000Z'),
      updated(id, 3, 'closed'),
    ]);

    expect(new Set(results)).toEqual(new Set(['2026-02-01T00:00:00.000Z']));
  });

  it('forgets a closure that a newer reopening undid, and keeps the later closure', async () => {
    const reopened = await closedAtInEveryOrder((id) => [
      closed(id, 2, '2026-02-01T00:00:00.000Z'),
      updated(id, 3, 'active'),
    ]);
    const closedAgain = await closedAtInEveryOrder((id) => [
      closed(id, 2, '2026-02-01T00:00:00.000Z'),
      updated(id, 3, 'active'),
      closed(id, 4, '2026-04-01T00:00:00.000Z'),
    ]);

    expect(new Set(reopened)).toEqual(new Set([null]));
    expect(new Set(closedAgain)).toEqual(new Set(['2026-04-01T00:00:00.000Z']));
  });
});
