/** One object of a render, as parsed. */
export interface K8sObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  [key: string]: unknown;
}

/**
 * The digest base uses until a release sets the real one: all zeros, so that it cannot be mistaken
 * for a real image and is refused in staging and prod.
 */
export const PLACEHOLDER_DIGEST = `sha256:${'0'.repeat(64)}`;

// Values that mean "set me": the reserved .invalid domain (RFC 2606), the zero digest, REPLACE_ME.
const PLACEHOLDER = /\.invalid\b|sha256:0{64}|REPLACE[_-]?ME|CHANGE[_-]?ME/i;

/** Where a placeholder is left in an object: `path: value` lines, none when the object is real. */
export function findPlaceholders(object: unknown, path = ''): string[] {
  if (typeof object === 'string') return PLACEHOLDER.test(object) ? [`${path}: ${object}`] : [];
  if (Array.isArray(object)) {
    return object.flatMap((item, i) => findPlaceholders(item, `${path}[${i}]`));
  }
  if (object && typeof object === 'object') {
    return Object.entries(object).flatMap(([key, value]) =>
      findPlaceholders(value, path ? `${path}.${key}` : key),
    );
  }
  return [];
}

/** Container images not pinned by digest (`name@sha256:…`), by `path: image`. */
export function findUnpinnedImages(object: unknown, path = ''): string[] {
  if (Array.isArray(object)) {
    return object.flatMap((item, i) => findUnpinnedImages(item, `${path}[${i}]`));
  }
  if (!object || typeof object !== 'object') return [];
  return Object.entries(object).flatMap(([key, value]) => {
    const here = path ? `${path}.${key}` : key;
    if ((key === 'image' || key === 'imageName') && typeof value === 'string') {
      return /@sha256:[0-9a-f]{64}$/.test(value) ? [] : [`${here}: ${value}`];
    }
    return findUnpinnedImages(value, here);
  });
}
