import type { Principal } from '@mrm/auth';
import { uuidv7 } from '@mrm/contracts';
import { OutboxWriter } from '@mrm/messaging';
import { buildDataSourceOptions } from '@mrm/persistence';
import { BlindIndex, FieldCipher, parseKeyring } from '@mrm/protection';
import { migrateService, withPlatformSchema } from '@mrm/runtime';
import type { Pool, PoolClient } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../apps/registration/src/audit/audit.service';
import { registeredRow } from '../../apps/registration/src/beneficiaries/beneficiary-events';
import { draftFromRequest } from '../../apps/registration/src/beneficiaries/beneficiary-input';
import type { DuplicateCheckInput } from '../../apps/registration/src/beneficiaries/duplicate-detector';
import { checkInputOf } from '../../apps/registration/src/beneficiaries/duplicate-gate';
import type { BeneficiaryEntity } from '../../apps/registration/src/beneficiaries/beneficiary.entity';
import { BeneficiaryProtector } from '../../apps/registration/src/beneficiaries/beneficiary.protector';
import { insertRegistration } from '../../apps/registration/src/beneficiaries/beneficiary.repository';
import type { RegisterBeneficiaryRequestDto } from '../../apps/registration/src/beneficiaries/dto/register-beneficiary.request.dto';
import { SearchKeysService } from '../../apps/registration/src/beneficiaries/search-keys.service';
import { protectionKeysFrom } from '../../apps/registration/src/data-protection/protection-keys';
import {
  REGISTRATION_ENTITIES,
  REGISTRATION_MIGRATIONS,
} from '../../apps/registration/src/database/schema';
import { DuplicateDetectorService } from '../../apps/registration/src/duplicates/duplicate-detector.service';
import { MatchReviewsService } from '../../apps/registration/src/match-reviews/match-reviews.service';
import {
  DEV_BLIND_INDEX_KEY,
  DEV_ENCRYPTION_KEYS,
  type RegistrationConfig,
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
 * metadata, from which the registry loader builds its multi-row INSERTs; destroy it when done.
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
 * links or a duplicate override) over a bare `pg` pool: the probing budget check and the duplicate
 * lookup (one transaction under the caller's budget lock), then one statement writing the beneficiary row with its encrypted columns, reference number and search keys, the
 * audit entry, and the outbox row with its NOTIFY. The SQL is the service's own (its repository and
 * helpers run over pg instead of TypeORM), and so is the domain work done in JavaScript
 * (normalisation, AES-GCM of six fields, HMAC search keys, the event envelope). Left out: HTTP,
 * validation, authentication, Nest, TypeORM's query execution, logging, and the relay.
 */
export class RawRegistration {
  private readonly protection = devProtection();
  private readonly detector = new DuplicateDetectorService(this.protection.searchKeys);
  private readonly outbox = new OutboxWriter();
  private readonly audit = new AuditService(undefined as unknown as DataSource);
  // The service's defaults; the bench's principal is a case worker, so the budget is checked.
  private readonly matchReviews = new MatchReviewsService(
    undefined as unknown as DataSource,
    this.audit,
    { REGISTRATION_PROBE_LIMIT: 20, REGISTRATION_PROBE_WINDOW_SECONDS: 3600 } as RegistrationConfig,
  );

  constructor(private readonly pool: Pool) {}

  /** One registration; resolves true (201) or to the reason it failed. */
  async create(body: Record<string, unknown>): Promise<true | string> {
    const { protector, searchKeys } = this.protection;
    const draft = draftFromRequest(body as unknown as RegisterBeneficiaryRequestDto);
    // The bench's bodies always carry names, so there is always something to look up.
    const input = checkInputOf(draft)!;
    const found = await this.lookUpWithinBudget(input);
    if (found.length > 0) return `409 PROBABLE_DUPLICATE (${found.length} candidates)`;
    const id = uuidv7();
    const now = new Date();
    const { personal, birthDate, ...clear } = draft;
    const entity = {
      ...clear,
      ...protector.seal(id, personal),
      birthDateEnc: protector.sealBirthDate(id, birthDate),
      id,
      ownerOrg: RAW_PRINCIPAL.org,
      createdBy: RAW_PRINCIPAL.sub,
      status: 'registered',
      version: 1,
      createdAt: now,
      updatedAt: now,
    } as BeneficiaryEntity;
    await insertRegistration(managerOver(this.pool), {
      row: entity,
      year: now.getUTCFullYear(),
      searchKeys: searchKeys.keysFor(personal),
      auditEntry: this.audit.entryValues({
        actor: RAW_PRINCIPAL,
        action: 'create',
        resourceType: 'beneficiary',
        resourceIds: [id],
        reason: null,
      }),
      event: registeredRow(this.outbox, entity),
    });
    return true;
  }

  // The service's `withinBudget`: one transaction holding the caller's budget lock around the
  // budget check and the duplicate lookup.
  private async lookUpWithinBudget(input: DuplicateCheckInput): Promise<readonly unknown[]> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const em = managerOver(client);
      await this.matchReviews.assertWithinBudget(em, RAW_PRINCIPAL);
      const found = await this.detector.check(em, input, RAW_PRINCIPAL);
      await client.query('COMMIT');
      return found;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
}

/** What the service's SQL helpers use of an EntityManager, `query`, over a bare `pg` pool or client. */
function managerOver(pool: Pool | PoolClient): EntityManager {
  return {
    query: async (sql: string, params: unknown[]) =>
      (await pool.query<Record<string, unknown>>(sql, params)).rows,
  } as unknown as EntityManager;
}
