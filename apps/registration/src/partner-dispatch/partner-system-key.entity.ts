import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A partner institution's own system, as referrals' `partner-system.*.v1` events tell it: the
 * public key the consented fields are encrypted to. Not personal data.
 */
@Entity({ name: 'partner_system_key' })
export class PartnerSystemKeyEntity {
  /** Institution code (the referral's `receivingOrg`). */
  @PrimaryColumn('text') org: string;
  /** Its token on the bus: `partners.<busCode>.referrals.<event>`. */
  @Column('text') busCode: string;
  /** Public RSA JWK as JSON text. */
  @Column('text') publicJwk: string;
  /** False once revoked: nothing more is encrypted or sent to it. */
  @Column('boolean') active: boolean;
  /** The highest key version applied; an older event never overrides a newer one. */
  @Column('int') keyVersion: number;
  @Column('timestamptz') updatedAt: Date;
}
