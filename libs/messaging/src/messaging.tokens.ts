/** Injection token of the service's `MessagingOptions`. */
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
