import { exportJWK, importJWK, importSPKI, type JWK } from 'jose';

/** The JWE algorithms every partner package uses (docs/partners.md). */
export const PARTNER_JWE_ALG = 'RSA-OAEP-256';
export const PARTNER_JWE_ENC = 'A256GCM';

/**
 * The partner's public key as canonical JWK text, from a JWK (JSON) or an SPKI PEM; undefined
 * when it is not a public RSA key of at least 2048 bits, or carries private parts.
 */
export async function normalisePartnerPublicKey(text: string): Promise<string | undefined> {
  try {
    let jwk: JWK;
    if (text.includes('-----BEGIN PUBLIC KEY-----')) {
      jwk = await exportJWK(await importSPKI(text.trim(), PARTNER_JWE_ALG, { extractable: true }));
    } else {
      jwk = JSON.parse(text) as JWK;
    }
    if (jwk.kty !== 'RSA' || !jwk.n || !jwk.e || jwk.d || jwk.p || jwk.q) return undefined;
    // 2048 bits = 256 bytes of modulus = 342 base64url characters.
    if (jwk.n.length < 342) return undefined;
    await importJWK({ kty: 'RSA', n: jwk.n, e: jwk.e }, PARTNER_JWE_ALG);
    return JSON.stringify({ kty: 'RSA', n: jwk.n, e: jwk.e, alg: PARTNER_JWE_ALG, use: 'enc' });
  } catch {
    return undefined;
  }
}
