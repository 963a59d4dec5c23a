import { Injectable } from '@nestjs/common';
import type { IdempotencyResponseSealer } from '@mrm/http';
import { FieldCipher } from '@mrm/protection';

/**
 * Stores idempotent create responses encrypted: they echo names, phones and document numbers,
 * which must not appear in clear in any table (`idempotency_record` included).
 */
@Injectable()
export class EncryptedResponseSealer implements IdempotencyResponseSealer {
  constructor(private readonly cipher: FieldCipher) {}

  seal(body: unknown, context: string): string {
    return this.cipher.encryptJson(body ?? null, context) ?? this.cipher.encrypt('null', context);
  }

  open(sealed: string, context: string): unknown {
    return this.cipher.decryptJson(sealed, context);
  }
}
