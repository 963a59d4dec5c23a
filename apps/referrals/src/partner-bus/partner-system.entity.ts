import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** A partner institution's own system on the partner bus: its keys and whether it may connect. */
@Entity({ name: 'partner_system' })
@Unique('partner_system_bus_code_key', ['busCode'])
export class PartnerSystemEntity {
  @PrimaryColumn('uuid') partnerId: string;
  /** Its token on the bus, `partners.<busCode>.…`: the lowercase institution code. */
  @Column('text') busCode: string;
  /** Public RSA key (JWK as JSON text) registration encrypts the consented fields to. */
  @Column('text') publicJwk: string;
  /** NATS public nkey (`U…`); the seed went to the institution and is not kept. */
  @Column('text') nkey: string;
  /** `active` or `revoked`. */
  @Column('text') status: 'active' | 'revoked';
  /** Bumped by every registration and rotation. */
  @Column('int') keyVersion: number;
  @Column('timestamptz') registeredAt: Date;
  @Column('timestamptz', { nullable: true }) revokedAt: Date | null;
  /** Last time the partner's consumer was seen fetching (its delivered sequence moved). */
  @Column('timestamptz', { nullable: true }) lastFetchAt: Date | null;
}
