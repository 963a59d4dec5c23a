import type { FieldViolation } from '@mrm/errors';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { CreatePartnerRequestDto } from './dto/create-partner.request.dto';
import { CreateServiceRequestDto } from './dto/create-service.request.dto';
import { ORG_IDENTIFIER_SCHEME, SERVICE_TYPE_TAXONOMY } from './hsds-export';
import { PartnerError } from './partner.errors';

/** One organization of an HSDS document, as the directory's own create requests. */
export interface ImportedPartner {
  readonly partner: CreatePartnerRequestDto;
  readonly services: Array<{ id?: string; fields: CreateServiceRequestDto }>;
}

type Json = Record<string, unknown>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Stands for the partner while a service is validated: the real id is known only at import.
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Reads an HSDS 3 document (as exported, `x-mrm` extensions optional) into validated create
 * requests; every problem is reported at once, with its path, as a 400.
 */
export function fromHsdsDocument(document: unknown): ImportedPartner[] {
  const organizations = (document as Json | null)?.organizations;
  if (!Array.isArray(organizations) || organizations.length > 500) {
    throw invalid([{ field: 'organizations', message: 'must be an array of at most 500' }]);
  }
  const violations: FieldViolation[] = [];
  const imported = organizations.map((raw: Json, index) => {
    const path = `organizations[${index}]`;
    const partner = checked(CreatePartnerRequestDto, partnerOf(raw), path, violations);
    const rawServices = Array.isArray(raw?.services) ? (raw.services as Json[]) : [];
    const services = rawServices.map((service, at) => ({
      id: typeof service?.id === 'string' && UUID.test(service.id) ? service.id : undefined,
      fields: checked(
        CreateServiceRequestDto,
        serviceOf(service),
        `${path}.services[${at}]`,
        violations,
      ),
    }));
    return { partner, services };
  });
  if (violations.length > 0) throw invalid(violations);
  return imported;
}

function partnerOf(raw: Json): Json {
  const extension = (raw?.['x-mrm'] ?? {}) as Json;
  const identifiers = Array.isArray(raw?.organization_identifiers)
    ? (raw.organization_identifiers as Json[])
    : [];
  const code = identifiers.find(
    (id) => id?.identifier_scheme === ORG_IDENTIFIER_SCHEME,
  )?.identifier;
  const phones = Array.isArray(raw?.phones) ? (raw.phones as Json[]) : [];
  return dropUndefined({
    code: extension.code ?? code,
    // HSDS's own fields first; the extension only adds the Arabic name HSDS has no field for.
    names: dropNulls({
      fr: raw?.name,
      ar: (extension.names as Json | undefined)?.ar,
      en: raw?.alternate_name,
    }),
    kind: extension.kind ?? raw?.legal_status,
    description: raw?.description ?? undefined,
    website: raw?.website ?? undefined,
    email: raw?.email ?? undefined,
    phone: phones[0]?.number,
    active: extension.active,
  });
}

function serviceOf(raw: Json): Json {
  const extension = (raw?.['x-mrm'] ?? {}) as Json;
  const list = (value: unknown) => (Array.isArray(value) ? (value as Json[]) : []);
  const term = list(raw?.attributes)
    .map((attribute) => attribute?.taxonomy_term as Json | undefined)
    .find((t) => t?.taxonomy === SERVICE_TYPE_TAXONOMY);
  const capacity = list(raw?.capacities)[0];
  const eligibility = (extension.eligibility ?? {}) as Json;
  return dropUndefined({
    partnerId: PLACEHOLDER_ID,
    type: extension.type ?? term?.code,
    name: raw?.name,
    description: raw?.description ?? undefined,
    regionCodes: list(raw?.service_areas).map((area) => area?.extent ?? area?.name),
    locations: list(raw?.service_at_locations).map((at) => {
      const location = (at?.location ?? {}) as Json;
      const address = list(location.addresses)[0] ?? {};
      return dropUndefined({
        name: location.name,
        regionCode: address.region,
        city: address.city ?? undefined,
      });
    }),
    eligibility: dropUndefined({
      ...dropNulls(eligibility),
      minAge: raw?.minimum_age ?? undefined,
      maxAge: raw?.maximum_age ?? undefined,
    }),
    languages: list(raw?.languages).map((language) => language?.code),
    capacity: capacity
      ? { placesPerMonth: capacity.maximum, currentLoad: extension.currentLoad ?? 0 }
      : undefined,
    contact: dropUndefined({ email: raw?.email ?? undefined, phone: list(raw?.phones)[0]?.number }),
    active: raw?.status === undefined ? undefined : raw.status === 'active',
  });
}

function checked<T extends object>(
  type: new () => T,
  plain: Json,
  path: string,
  violations: FieldViolation[],
): T {
  const instance = plainToInstance(type, plain);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  violations.push(...flatten(errors, path));
  return instance;
}

function flatten(errors: ValidationError[], parent: string): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function invalid(violations: FieldViolation[]) {
  return new PartnerError('HSDS_DOCUMENT_INVALID', { violations });
}

function dropUndefined(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

function dropNulls(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));
}
