/**
 * Applies a deployment namespace to subjects and stream names. Production uses the empty namespace;
 * tests give each file its own so they can share one NATS server without seeing each other.
 */
export class BusNamespace {
  constructor(readonly prefix: string) {
    if (prefix !== '' && !/^[a-z][a-z0-9]{0,15}$/.test(prefix)) {
      throw new Error(`NATS namespace "${prefix}" must be lowercase alphanumerics (max 16)`);
    }
  }

  subject(subject: string): string {
    return this.prefix ? `${this.prefix}.${subject}` : subject;
  }

  /** The contract subject of a namespaced subject (inverse of `subject`). */
  unprefixed(subject: string): string {
    return this.prefix && subject.startsWith(`${this.prefix}.`)
      ? subject.slice(this.prefix.length + 1)
      : subject;
  }

  stream(name: string): string {
    return this.prefix ? `${this.prefix.toUpperCase()}_${name}` : name;
  }
}
