import { Injectable } from '@nestjs/common';
import { BlindIndex } from '@mrm/protection';
import { DataSource, type EntityManager } from 'typeorm';
import { blindNameKeys, NAME_KEY_DOMAINS, nameKeys } from '../duplicates/name-keys';
import { normaliseName } from '../duplicates/name-normalisation';
import { tokenPhoneticKey } from '../duplicates/phonetic-key';
import type { SearchableIdentity } from './beneficiary-identity';

/** Kinds of `beneficiary_search_key` rows (wire-stable: they reach the database). */
export const SEARCH_KEY_KINDS = ['phone', 'document', 'name-full', 'name-token'] as const;
export type SearchKeyKind = (typeof SEARCH_KEY_KINDS)[number];

export interface SearchKey {
  readonly kind: SearchKeyKind;
  readonly hash: string;
}

// Create computes the keys of one identity twice (duplicate check, then the keys it stores); a
// few recent results spare the second round of normalisation, phonetic keys and HMACs. They are
// found by a keyed hash of the identity, so that no name, phone or document number stays in memory
// after its request.
const RECENT_KEYS = 64;
const CACHE_DOMAIN = 'search-keys-cache';

/**
 * Blind indexes of a beneficiary's phone, documents and names: how the registry finds people
 * (search, duplicate detection) without keeping those values in clear. Exported for duplicates/.
 */
@Injectable()
export class SearchKeysService {
  constructor(
    private readonly index: BlindIndex,
    private readonly dataSource: DataSource,
  ) {}

  private readonly recentKeys = new Map<string, readonly SearchKey[]>();

  /** Every search key of an identity, without duplicates. */
  keysFor(identity: SearchableIdentity): SearchKey[] {
    // Keyed by value, not by object: a caller may build a new identity object each time.
    const cacheKey = this.index.compute(
      CACHE_DOMAIN,
      JSON.stringify([identity.names, identity.phone, identity.documents]),
    );
    const cached = this.recentKeys.get(cacheKey);
    if (cached) return [...cached];
    const keys = this.computeKeys(identity);
    if (this.recentKeys.size >= RECENT_KEYS) {
      this.recentKeys.delete(this.recentKeys.keys().next().value!);
    }
    this.recentKeys.set(cacheKey, keys);
    return [...keys];
  }

  private computeKeys(identity: SearchableIdentity): SearchKey[] {
    const keys: SearchKey[] = [];
    if (identity.phone) keys.push({ kind: 'phone', hash: this.index.phone(identity.phone) });
    for (const document of identity.documents) {
      keys.push({ kind: 'document', hash: this.index.document(document.type, document.number) });
    }
    if (identity.names) {
      const blind = blindNameKeys(nameKeys(identity.names), this.index);
      keys.push(...blind.full.map((hash) => ({ kind: 'name-full' as const, hash })));
      keys.push(...blind.tokens.map((hash) => ({ kind: 'name-token' as const, hash })));
    }
    const unique = new Map(keys.map((key) => [`${key.kind}:${key.hash}`, key]));
    return [...unique.values()];
  }

  phoneKey(phone: string): string {
    return this.index.phone(phone);
  }

  documentKey(input: { type: string; number: string }): string {
    return this.index.document(input.type, input.number);
  }

  /**
   * Keys of a free-text name query: its full keys (any order, either script) and the key of each
   * of its tokens, so `El Amrani` finds `Mohamed El Amrani`.
   */
  nameQueryKeys(name: string): { full: string[]; tokens: string[] } {
    const full = [...blindNameKeys(nameKeys({ firstName: name, lastName: null }), this.index).full];
    const tokens = normaliseName(name)
      .map(tokenPhoneticKey)
      .filter((key) => key.length > 0)
      .map((key) => this.index.compute(NAME_KEY_DOMAINS.token, key));
    return { full, tokens: [...new Set(tokens)] };
  }

  /** Replaces the keys of a beneficiary (create, update); inside the caller's transaction. */
  async replaceKeys(
    em: EntityManager,
    beneficiaryId: string,
    keys: readonly SearchKey[],
  ): Promise<void> {
    await em.query('DELETE FROM beneficiary_search_key WHERE beneficiary_id = $1', [beneficiaryId]);
    if (keys.length === 0) return;
    await em.query(INSERT_KEYS_SQL, [
      beneficiaryId,
      keys.map((key) => key.kind),
      keys.map((key) => key.hash),
    ]);
  }

  async deleteKeys(em: EntityManager, beneficiaryId: string): Promise<void> {
    await em.query('DELETE FROM beneficiary_search_key WHERE beneficiary_id = $1', [beneficiaryId]);
  }

  /** Ids of beneficiaries holding any of `hashes` of `kind` (no scoping: callers scope). */
  async findBeneficiaryIdsByKeys(input: {
    kind: SearchKeyKind;
    hashes: readonly string[];
    em?: EntityManager;
  }): Promise<string[]> {
    if (input.hashes.length === 0) return [];
    const rows: Array<{ id: string }> = await (input.em ?? this.dataSource.manager).query(
      `SELECT DISTINCT beneficiary_id AS id FROM beneficiary_search_key
       WHERE kind = $1 AND hash = ANY($2::text[])`,
      [input.kind, [...input.hashes]],
    );
    return rows.map((row) => row.id);
  }
}

const INSERT_KEYS_SQL = `INSERT INTO beneficiary_search_key (beneficiary_id, kind, hash)
       SELECT $1::uuid, kind, hash FROM unnest($2::text[], $3::text[]) AS k(kind, hash)
       ON CONFLICT DO NOTHING`;
