export default async function globalTeardown(): Promise<void> {
  const containers = (
    globalThis as { __MRM_CONTAINERS__?: Array<{ stop: () => Promise<unknown> }> }
  ).__MRM_CONTAINERS__;
  await Promise.all((containers ?? []).map((container) => container.stop()));
}
