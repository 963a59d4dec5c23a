#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { JWK } from 'jose';
import { deterministicAnswerId } from '../answer-id';
import { PartnerClient, type Delivery } from '../partner-client';
import { PARTNER_ANSWERS, type PartnerAnswer } from '../wire';

const USAGE = `Usage: npm run partner:desk -- --code <code> --creds <seed file> --key <private.jwk> [--servers <url>] <command>

A small desk for a partner institution, built on libs/partner-sdk.

  list                         show the referrals waiting (they stay waiting)
  answer <referralId> <answer> [--reason <r>] [--outcome <o>] [--service <id>] [--note <text>]
                               answers: ${PARTNER_ANSWERS.join(', ')}
  --auto                       answer everything as it comes: received then accepted for a
                               referral, erasure-done for an erasure, ack the rest
  --idle-exit <seconds>        with --auto, stop after this long without a delivery`;

export interface DeskIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Runs the desk; resolves with the exit status. */
export async function runPartnerDesk(argv: readonly string[], io: DeskIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      code: { type: 'string' },
      creds: { type: 'string' },
      key: { type: 'string' },
      servers: { type: 'string', default: 'nats://127.0.0.1:4222' },
      namespace: { type: 'string', default: '' },
      auto: { type: 'boolean', default: false },
      'idle-exit': { type: 'string' },
      reason: { type: 'string' },
      outcome: { type: 'string' },
      service: { type: 'string' },
      note: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.code || !values.key || (!values.auto && positionals.length === 0)) {
    io.out(USAGE);
    return values.help ? 0 : 2;
  }
  const client = await PartnerClient.connect({
    code: values.code,
    servers: values.servers,
    seed: values.creds ? (await readFile(values.creds, 'utf8')).trim() : undefined,
    privateJwk: JSON.parse(await readFile(values.key, 'utf8')) as JWK,
    namespace: values.namespace,
  });
  try {
    if (values.auto) {
      const idleMs = values['idle-exit'] ? Number(values['idle-exit']) * 1000 : undefined;
      const answered = await autoAnswer(client, { idleMs, log: io.out });
      io.out(`partner-desk: ${answered} deliveries settled`);
      return 0;
    }
    const [command, referralId, answer] = positionals;
    if (command === 'list') {
      for (const delivery of await pending(client)) io.out(describe(delivery));
      return 0;
    }
    if (command === 'answer' && referralId && PARTNER_ANSWERS.includes(answer as PartnerAnswer)) {
      await client.publishAnswer({
        answer: answer as PartnerAnswer,
        id: deterministicAnswerId(client.code, referralId, answer),
        subject: referralId,
        data: {
          ...(answer === 'erasure-done' ? { erasureRequestId: referralId } : { referralId }),
          ...(values.reason ? { reason: values.reason } : {}),
          ...(values.outcome ? { outcome: values.outcome } : {}),
          ...(values.service ? { serviceId: values.service } : {}),
          ...(values.note ? { note: values.note } : {}),
        },
      });
      io.out(`partner-desk: ${answer} sent for ${referralId}`);
      return 0;
    }
    io.err(USAGE);
    return 2;
  } finally {
    await client.close();
  }
}

/**
 * Answers every delivery as it comes (tests, demos, the benchmark): a referral is received then
 * accepted, an erasure confirmed, anything else acked. Resolves once idle for `idleMs`.
 */
export async function autoAnswer(
  client: PartnerClient,
  options: { idleMs?: number; log?: (text: string) => void; signal?: AbortSignal } = {},
): Promise<number> {
  let settled = 0;
  let last = Date.now();
  const idle = options.idleMs
    ? setInterval(() => {
        if (Date.now() - last > options.idleMs!) void client.close();
      }, 250)
    : undefined;
  options.signal?.addEventListener('abort', () => void client.close());
  try {
    for await (const delivery of client.referrals()) {
      last = Date.now();
      if (delivery.kind === 'referral') {
        await client.received(delivery);
        await client.accept(delivery);
      } else if (delivery.kind === 'erasure-requested') {
        await client.erasureDone(delivery);
      } else {
        await delivery.ack();
      }
      settled += 1;
      options.log?.(describe(delivery));
    }
  } catch (error) {
    // Closing the connection ends the iterator with an error: that is the way out.
    if (!/clos|drain/i.test(String((error as Error).message))) throw error;
  } finally {
    clearInterval(idle);
  }
  return settled;
}

async function pending(client: PartnerClient): Promise<Delivery[]> {
  const seen: Delivery[] = [];
  const stop = setTimeout(() => void client.close(), 3000);
  try {
    for await (const delivery of client.referrals()) {
      seen.push(delivery);
      delivery.nak(0);
    }
  } catch {
    // Closed by the timer.
  } finally {
    clearTimeout(stop);
  }
  return seen;
}

function describe(delivery: Delivery): string {
  switch (delivery.kind) {
    case 'referral':
      return `${delivery.event} ${delivery.referral.referralId} ${delivery.referral.serviceType} ${delivery.referral.priority} categories=${delivery.referral.dataCategories.join(',') || '-'}`;
    case 'cancelled':
    case 'consent-withdrawn':
      return `${delivery.event} ${delivery.referral.referralId}`;
    case 'erasure-requested':
      return `${delivery.event} ${delivery.erasure.erasureRequestId}`;
    case 'notice':
      return `notice ${delivery.notice.reason}: ${delivery.notice.detail}`;
  }
}

if (require.main === module) {
  runPartnerDesk(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 3;
    },
  );
}
