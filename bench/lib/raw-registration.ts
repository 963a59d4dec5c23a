import type { Principal } from '@mrm/auth';
import { uuidv7 } from '@mrm/contracts';
import { OutboxWriter } from '@mrm/messaging';
import { buildDataSourceOptions } from '@mrm/persistence';
import { BlindIndex, FieldCipher, parseKeyring } from '@mrm/protection';
import { migrateService, withPlatformSchema } from '@mrm/runtime';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { AuditService } from '../../apps/registration/src/audit/audit.service';
import { registrationWrites } from '../../apps/registration/src/beneficiaries/beneficiary-events';
import { draftFromRequest } from '../../apps/registration/src/beneficiaries/beneficiary-input';
import { checkInputOf } from '../../apps/registration/src/beneficiaries/duplicate-gate';
import { BeneficiaryInsert } from '../../apps/registration/src/beneficiaries/beneficiary-insert';
import type { BeneficiaryEntity } from '../../apps/registration/src/beneficiaries/beneficiary.entity';
import { BeneficiaryProtector } from '../../apps/registration/src/beneficiaries/beneficiary.protector';
import type { RegisterBeneficiaryRequestDto } from '../../apps/registration/src/beneficiaries/dto/register-beneficiary.request.dto';
import { SearchKeysService } from '../../apps/registration/src/beneficiaries/search-keys.service';
import { protectionKeysFrom } from '../../apps/registration/src/data-protection/protection-keys';
import {
  REGISTRATION_ENTITIES,
  REGISTRATION_MIGRATIONS,
} from '../../apps/registration/src/database/schema';
import { DuplicateDetectorService } from '../../apps/registration/src/duplicates/duplicate-detector.service';
import {
  DEV_BLIND_INDEX_KEY,
  DEV_ENCRYPTION_KEYS,
} from '../../apps/registration/src/registration.config';

/** Registration's field cipher and blind index with the service's development keys. */
export function devProtection(): {
  cipher: FieldCipher;
  index: BlindIndex;
  protector: BeneficiaryProtector;
  searchKeys: SearchKeysService;
} {
  const keys = protectionKeysFrom({
    NODE_ENV: 'development',
    REGISTRATION_ENCRYPTION_KEYS: DEV_ENCRYPTION_KEYS,
    REGISTRATION_BLIND_INDEX_KEY: DEV_BLIND_INDEX_KEY,
  });
  const cipher = new FieldCipher({
    keys: parseKeyring(keys.keyring),
    activeKeyId: keys.activeKeyId,
  });
  const index = BlindIndex.fromConfig({ key: keys.blindIndexKey });
  // keysFor() and its name keys are pure: the data source is only used by the query methods.
  const searchKeys = new SearchKeysService(index, undefined as unknown as DataSource);
  return { cipher, index, protector: new BeneficiaryProtector(cipher), searchKeys };
}

/** A fresh registration database migrated with the service's own migrations. */
export async function migrateRegistration(url: string): Promise<void> {
  await migrateService({
    service: 'registration',
    url,
    entities: REGISTRATION_ENTITIES,
    migrations: REGISTRATION_MIGRATIONS,
  });
}

/**
 * Registration's TypeORM data source, initialised (one idle connection) only for its entity
 * metadata, from which the service builds its INSERT; destroy it when done.
 */
export function registrationMetadata(url: string): Promise<DataSource> {
  return new DataSource(
    buildDataSourceOptions({
      url,
      ...withPlatformSchema({
        entities: REGISTRATION_ENTITIES,
        migrations: REGISTRATION_MIGRATIONS,
      }),
      poolSize: 1,
    }),
  ).initialize();
}

export const RAW_PRINCIPAL: Principal = { sub: 'bench', org: 'IOM', roles: ['case-worker'] };

/**
 * The ceiling of the registration API: the statements of `BeneficiariesService.create` (without
 * links or a duplicate override), over a bare `pg` pool: ONE statement looking up duplicate
 * candidates and, if there are none, writing the beneficiary row with its encrypted columns and
 * reference number, its search keys, the audit row and the outbox row, selecting the NOTIFY
 * (ADR 0010). The SQL texts are the service's own (its helpers run over pg instead of TypeORM),
 * and so is the domain work done in JavaScript (normalisation, AES-GCM of five fields, HMAC search
 * keys, the event envelope). Left out: HTTP, validation, authentication, Nest, TypeORM's query
 * execution, logging, and the relay.
 */
export class RawRegistration {
  private readonly protection = devProtection();
  private readonly detector = new DuplicateDetectorService(this.protection.searchKeys);
  private readonly outbox = new OutboxWriter();
  private readonly audit = new AuditService(undefined as unknown as DataSource);

  private constructor(
    private readonly pool: Pool,
    private readonly insert: BeneficiaryInsert,
    private readonly metadataSource: DataSource,
  ) {}

  /**
   * TypeORM is used once, to read the entity metadata the service builds its INSERT from (one
   * idle connection); every statement of the ceiling then goes through `pool`.
   */
  static async start(pool: Pool, url: string): Promise<RawRegistration> {
    const metadataSource = await registrationMetadata(url);
    return new RawRegistration(pool, BeneficiaryInsert.of(metadataSource), metadataSource);
  }

  async close(): Promise<void> {
    await this.metadataSource.destroy();
  }

  /** One registration; resolves true (201) or to the reason it failed. */
  async create(body: Record<string, unknown>): Promise<true | string> {
    const { protector, searchKeys } = this.protection;
    const draft = draftFromRequest(body as unknown as RegisterBeneficiaryRequestDto);
    // Like the service without links or a duplicate override: no transaction, one statement that
    // starts with the duplicate lookup (ADR 0010).
    // The bench's bodies always carry names, so there is always something to look up.
    const lookup = this.detector.lookup(checkInputOf(draft)!, RAW_PRINCIPAL);
    const id = uuidv7();
    const now = new Date();
    const { personal, ...clear } = draft;
    const entity = {
      ...clear,
      ...protector.seal(id, personal),
      id,
      ownerOrg: RAW_PRINCIPAL.org,
      createdBy: RAW_PRINCIPAL.sub,
      status: 'registered',
      version: 1,
      createdAt: now,
      updatedAt: now,
    } as unknown as BeneficiaryEntity;
    const { sql, params } = this.insert.statement(entity, {
      unlessFound: lookup.statement,
      year: now.getUTCFullYear(),
      searchKeys: searchKeys.keysFor(personal),
      ...registrationWrites({
        outbox: this.outbox,
        audit: this.audit,
        entity,
        entry: {
          actor: RAW_PRINCIPAL,
          action: 'create',
          resourceType: 'beneficiary',
          resourceIds: [id],
          reason: null,
        },
      }),
    });
    const { rows } = await this.pool.query<Record<string, unknown>>(sql, params);
    const found = this.insert.applyReturned(entity, rows[0]);
    if (found.length > 0) {
      return `409 PROBABLE_DUPLICATE (${found.length} candidates)`;
    }
    return true;
  }
}
