/**
 * The platform's services, in start order: the one declaration that the producer list, default
 * ports, `npm start`, the Nest CLI projects, compose, the Kubernetes base and the NATS users derive
 * from or are checked against (docs/adding-a-service.md). A service name is the first token of its
 * subjects, its stream's name in upper case, its durable consumers' name and its database's suffix.
 */
export const PLATFORM_SERVICES = {
  registration: { port: 3001 },
  training: { port: 3002 },
  reintegration: { port: 3003 },
  referrals: { port: 3004 },
  reporting: { port: 3005 },
} as const satisfies Record<string, { readonly port: number }>;

/** A service of the platform, which is also a producer on the bus. */
export type ServiceName = keyof typeof PLATFORM_SERVICES;

/** Every service name, in start order. */
export const SERVICE_NAMES = Object.keys(PLATFORM_SERVICES) as readonly ServiceName[];
