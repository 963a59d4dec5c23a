/**
 * The platform's services, in start order: the one declaration that the producer list, default
 * ports, `npm start`, the Nest CLI projects, compose, the Kubernetes base and the NATS users derive
 * from or are checked against (docs/adding-a-service.md). A service name is the first token of its
 * subjects, its stream's name in upper case, its durable consumers' name and its database's suffix.
 * `consumes` lists the producers whose streams the service reads with its durable consumer: the
 * NATS permissions (libs/nats-authorization) grant exactly those and nothing else.
 */
export const PLATFORM_SERVICES = {
  registration: { port: 3001, consumes: ['registration', 'referrals'] },
  training: { port: 3002, consumes: ['registration'] },
  reintegration: { port: 3003, consumes: ['registration', 'training'] },
  referrals: { port: 3004, consumes: ['registration'] },
  reporting: { port: 3005, consumes: ['registration', 'training', 'reintegration', 'referrals'] },
} as const satisfies Record<
  string,
  { readonly port: number; readonly consumes: readonly string[] }
>;

/** A service of the platform, which is also a producer on the bus. */
export type ServiceName = keyof typeof PLATFORM_SERVICES;

/** Every service name, in start order. */
export const SERVICE_NAMES = Object.keys(PLATFORM_SERVICES) as readonly ServiceName[];

/** The producers whose streams a service consumes (checked to be services at compile time). */
export function consumedProducers(service: ServiceName): readonly ServiceName[] {
  const consumes: readonly ServiceName[] = PLATFORM_SERVICES[service].consumes;
  return consumes;
}
