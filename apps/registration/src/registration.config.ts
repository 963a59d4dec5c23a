import { ServiceConfig } from '@mrm/runtime';
import { IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';

/**
 * DEV ONLY: base64 of the ASCII strings "dev-only-encryption-key-00000001" and
 * "dev-only-blind-index-key-0000001" (the values of docker-compose.yml). Public by design, so they
 * are refused when NODE_ENV=production (see data-protection/).
 */
export const DEV_ENCRYPTION_KEYS = 'dev1:ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMDAwMDAwMDE=';
export const DEV_BLIND_INDEX_KEY = 'ZGV2LW9ubHktYmxpbmQtaW5kZXgta2V5LTAwMDAwMDE=';

/** Registration's environment: the shared keys plus the protection keys of personal data. */
export class RegistrationConfig extends ServiceConfig {
  /** Field-encryption keyring `kid:base64key[,kid:base64key…]` (32-byte keys). */
  @IsString() REGISTRATION_ENCRYPTION_KEYS: string = DEV_ENCRYPTION_KEYS;

  /** Key id that encrypts new values; defaults to the last key of the keyring. */
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,32}$/) REGISTRATION_ENCRYPTION_ACTIVE_KEY_ID?: string;

  /** Blind-index (HMAC) key, base64, at least 32 bytes, different from every encryption key. */
  @IsString() REGISTRATION_BLIND_INDEX_KEY: string = DEV_BLIND_INDEX_KEY;

  /**
   * Answers "probably registered by another institution" one user may receive within the window
   * before identity lookups (create, identity search, import) answer 429.
   */
  @IsInt() @Min(1) REGISTRATION_PROBE_LIMIT: number = 20;

  /** The sliding window of REGISTRATION_PROBE_LIMIT, in seconds. */
  @IsInt() @Min(1) REGISTRATION_PROBE_WINDOW_SECONDS: number = 3600;
}
