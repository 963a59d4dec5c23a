import { Inject, Injectable } from '@nestjs/common';
import { createUser } from '@nats-io/nkeys';
import { SERVICE_CONFIG } from '@mrm/runtime';
import type { ReferralsConfig } from '../referrals.config';
import { PartnerBusError } from './partner-bus.errors';
import { PartnerConsumers } from './partner-consumers';
import { publishNatsAuthorization } from './nats-authorization.file';
import { PartnerSystemsService } from './partner-systems.service';
import type { PartnerSystemEntity } from './partner-system.entity';

/** What provisioning hands back: the system, and the nkey seed when one was made (shown once). */
export interface ProvisionedPartner {
  readonly system: PartnerSystemEntity;
  readonly seed?: string;
  readonly authorization: 'written-and-reloaded' | 'written' | 'not-configured';
}

/**
 * `npm run partners -- add|rotate|revoke`: the directory row, the partner's durable consumer, the
 * NATS authorization file and the server's reload, in that order (the row first, so that a
 * failure later is repaired by running the command again).
 */
@Injectable()
export class PartnerProvisioning {
  constructor(
    private readonly systems: PartnerSystemsService,
    private readonly consumers: PartnerConsumers,
    @Inject(SERVICE_CONFIG) private readonly config: ReferralsConfig,
  ) {}

  /** Connects partner `code`'s system; a new nkey is made unless its public key is given. */
  async add(input: {
    code: string;
    publicKey: string;
    nkey?: string;
  }): Promise<ProvisionedPartner> {
    const keys = input.nkey ? undefined : createUser();
    const nkey = input.nkey ?? keys!.getPublicKey();
    const system = await this.systems.register({ ...input, nkey });
    await this.consumers.ensure(system.busCode);
    return {
      system,
      ...(keys ? { seed: new TextDecoder().decode(keys.getSeed()) } : {}),
      authorization: await this.publishAuthorization(),
    };
  }

  /** New NATS credentials (and, if given, a new public key); the consumer and its backlog stay. */
  async rotate(input: {
    code: string;
    publicKey?: string;
    nkey?: string;
  }): Promise<ProvisionedPartner> {
    const current = await this.systems.findByCode(input.code.toUpperCase());
    if (!current) throw new PartnerBusError('PARTNER_SYSTEM_NOT_FOUND');
    return this.add({ ...input, publicKey: input.publicKey ?? current.publicJwk });
  }

  /** Cuts the partner off: no more packages for it, its consumer and its NATS user removed. */
  async revoke(code: string): Promise<ProvisionedPartner> {
    const system = await this.systems.revoke(code);
    await this.consumers.remove(system.busCode);
    return { system, authorization: await this.publishAuthorization() };
  }

  /** Re-renders the authorization file from the active systems and reloads the server. */
  async publishAuthorization(
    passwords?: Partial<Record<string, string>>,
  ): Promise<ProvisionedPartner['authorization']> {
    if (!this.config.NATS_AUTHORIZATION_FILE) return 'not-configured';
    const { reloaded } = await publishNatsAuthorization({
      file: this.config.NATS_AUTHORIZATION_FILE,
      pidFile: this.config.NATS_SERVER_PID_FILE,
      namespace: this.config.NATS_NAMESPACE,
      partners: await this.systems.activeGrants(),
      passwords,
    });
    return reloaded ? 'written-and-reloaded' : 'written';
  }
}
