import type { ErrorObject } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { findPlaceholders, findUnpinnedImages, type K8sObject } from './placeholders';
import type { Validators } from './schemas';

/** What one render holds and what is wrong with it. */
export interface RenderReport {
  objects: K8sObject[];
  /** Objects by API group ("kubernetes" for the core groups without a dot). */
  counts: Map<string, number>;
  /** Schema violations and unknown kinds: always refused. */
  invalid: string[];
  /** Placeholders and images not pinned by digest: refused in a release of staging or prod. */
  unfilled: string[];
}

export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 3)
    .map((e) => {
      const extra = (e.params as { additionalProperty?: string }).additionalProperty;
      return `${e.instancePath || '/'} ${e.message ?? ''}${extra ? ` (${extra})` : ''}`;
    })
    .join('; ');
}

/** Validates every object of a rendered overlay and lists what a release would still refuse. */
export function inspectRender(env: string, rendered: string, validators: Validators): RenderReport {
  const objects = parseAllDocuments(rendered)
    .map((doc) => doc.toJS() as K8sObject | null)
    .filter((object): object is K8sObject => object !== null);
  const report: RenderReport = { objects, counts: new Map(), invalid: [], unfilled: [] };
  for (const object of objects) {
    const apiVersion = object.apiVersion ?? '?';
    const kind = `${apiVersion}/${object.kind ?? '?'}`;
    const where = `${env} ${object.kind ?? '?'}/${object.metadata?.name ?? '?'}`;
    const validate = validators.get(kind);
    if (!validate) report.invalid.push(`${where}: no vendored schema for ${kind}`);
    else if (!validate(object)) report.invalid.push(`${where}: ${describeErrors(validate.errors)}`);
    for (const found of findPlaceholders(object)) {
      report.unfilled.push(`${where}: placeholder ${found}`);
    }
    for (const found of findUnpinnedImages(object)) {
      report.unfilled.push(`${where}: not pinned by digest ${found}`);
    }
    const group = apiVersion.includes('.') ? apiVersion.split('/')[0] : 'kubernetes';
    report.counts.set(group, (report.counts.get(group) ?? 0) + 1);
  }
  return report;
}
