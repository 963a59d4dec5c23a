import { Injectable } from '@nestjs/common';
import {
  partnerBusCodeOf,
  partnerSystemRegisteredV1,
  partnerSystemRevokedV1,
} from '@mrm/contracts';
import { OutboxWriter } from '@mrm/messaging';
import { Clock } from '@mrm/timers';
import { DataSource, type EntityManager } from 'typeorm';
import { PartnerError } from '../partners/partner.errors';
import { PartnerBusError } from './partner-bus.errors';
import { normalisePartnerPublicKey } from './partner-public-key';
import { PartnerSystemEntity } from './partner-system.entity';

const NKEY_PATTERN = /^U[A-Z2-7]{55}$/;

interface PartnerRow {
  id: string;
  code: string;
}

/** What the NATS authorization renderer needs of an active partner system. */
export interface ActivePartnerGrant {
  readonly code: string;
  readonly nkey: string;
}

/**
 * The active systems of the directory, for the NATS accounts file. A function of the data source
 * alone: `npm run partners -- render` reads it before NATS is up (compose starts NATS after it).
 */
export async function activePartnerGrants(dataSource: DataSource): Promise<ActivePartnerGrant[]> {
  const rows = await dataSource.getRepository(PartnerSystemEntity).find({
    where: { status: 'active' },
    order: { busCode: 'ASC' },
  });
  return rows.map((row) => ({ code: row.busCode, nkey: row.nkey }));
}

/**
 * The directory side of the partner bus: which institutions have their own system, with which
 * keys. Every change is told to registration (`partner-system.*.v1`), which encrypts to the key.
 */
@Injectable()
export class PartnerSystemsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  /** Registers (or rotates) the system of partner `code` with a public key and a NATS nkey. */
  async register(input: {
    code: string;
    publicKey: string;
    nkey: string;
  }): Promise<PartnerSystemEntity> {
    const publicJwk = await normalisePartnerPublicKey(input.publicKey);
    if (!publicJwk) throw new PartnerBusError('PARTNER_PUBLIC_KEY_INVALID');
    if (!NKEY_PATTERN.test(input.nkey)) throw new PartnerBusError('PARTNER_NKEY_INVALID');
    return this.dataSource.transaction(async (em) => {
      const partner = await this.partnerOf(em, input.code);
      const busCode = partnerBusCodeOf(partner.code);
      if (!busCode) throw new PartnerBusError('PARTNER_CODE_NOT_A_BUS_TOKEN');
      const current = await em.findOne(PartnerSystemEntity, {
        where: { partnerId: partner.id },
        lock: { mode: 'pessimistic_write' },
      });
      const now = this.clock.now();
      const system = Object.assign(current ?? new PartnerSystemEntity(), {
        partnerId: partner.id,
        busCode,
        publicJwk,
        nkey: input.nkey,
        status: 'active' as const,
        keyVersion: (current?.keyVersion ?? 0) + 1,
        registeredAt: now,
        revokedAt: null,
        lastFetchAt: current?.lastFetchAt ?? null,
      });
      await em.save(PartnerSystemEntity, system);
      await this.outbox.append(
        em,
        partnerSystemRegisteredV1,
        {
          partnerId: partner.id,
          code: partner.code,
          busCode,
          publicJwk,
          nkey: input.nkey,
          keyVersion: system.keyVersion,
          occurredAt: now.toISOString(),
        },
        { subject: partner.id },
      );
      return system;
    });
  }

  /** Cuts the partner's system off: no more encryption to it; the caller drops its credentials. */
  async revoke(code: string): Promise<PartnerSystemEntity> {
    return this.dataSource.transaction(async (em) => {
      const partner = await this.partnerOf(em, code);
      const system = await em.findOne(PartnerSystemEntity, {
        where: { partnerId: partner.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!system) throw new PartnerBusError('PARTNER_SYSTEM_NOT_FOUND');
      if (system.status === 'revoked') return system;
      const now = this.clock.now();
      system.status = 'revoked';
      system.revokedAt = now;
      await em.save(PartnerSystemEntity, system);
      await this.outbox.append(
        em,
        partnerSystemRevokedV1,
        {
          partnerId: partner.id,
          code: partner.code,
          busCode: system.busCode,
          keyVersion: system.keyVersion,
          occurredAt: now.toISOString(),
        },
        { subject: partner.id },
      );
      return system;
    });
  }

  /** The active systems, for the NATS authorization file. */
  async activeGrants(): Promise<ActivePartnerGrant[]> {
    return activePartnerGrants(this.dataSource);
  }

  /** The system on the bus under `busCode`, active or not. */
  async findByBusCode(
    em: EntityManager,
    busCode: string,
  ): Promise<(PartnerSystemEntity & { org: string }) | undefined> {
    const system = await em.findOneBy(PartnerSystemEntity, { busCode });
    if (!system) return undefined;
    const [partner]: PartnerRow[] = await em.query('SELECT id, code FROM partner WHERE id = $1', [
      system.partnerId,
    ]);
    return Object.assign(system, { org: partner.code });
  }

  /** The system of the partner of institution code `code`, if it has one. */
  async findByCode(code: string): Promise<PartnerSystemEntity | undefined> {
    const [partner]: PartnerRow[] = await this.dataSource.query(
      'SELECT id, code FROM partner WHERE code = $1',
      [code],
    );
    if (!partner) return undefined;
    return (
      (await this.dataSource.getRepository(PartnerSystemEntity).findOneBy({
        partnerId: partner.id,
      })) ?? undefined
    );
  }

  // The directory's own table, read by code (the partners feature owns its entity).
  private async partnerOf(em: EntityManager, code: string): Promise<PartnerRow> {
    const [partner]: PartnerRow[] = await em.query(
      'SELECT id, code FROM partner WHERE code = $1 FOR SHARE',
      [code.toUpperCase()],
    );
    if (!partner) throw new PartnerError('PARTNER_NOT_FOUND');
    return partner;
  }
}
