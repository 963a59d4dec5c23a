/**
 * The `node` options every service process runs with (`npm start`, the container image, the
 * benchmarks). A request allocates a few hundred kilobytes of short-lived objects (parsed bodies,
 * ciphertexts, query results); with V8's default 16 MB semi-space the young generation is
 * scavenged every few dozen requests, and each scavenge promotes objects still referenced by
 * requests in flight. 32 MB halves the scavenges for at most 48 MB more heap (ADR 0007).
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];
