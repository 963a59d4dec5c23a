import type { PartnerServiceEntity } from './partner-service.entity';
import type { PartnerEntity } from './partner.entity';

/** The identifier scheme under which an organisation's institution code (`org` claim) is given. */
export const ORG_IDENTIFIER_SCHEME = 'MRM-ORG';
/** The taxonomy of the service catalogue (`SERVICE_TYPES`). */
export const SERVICE_TYPE_TAXONOMY = 'mrm-service-type';

/**
 * The directory in the Open Referral HSDS 3 shape: organizations with their services, service
 * areas, locations, languages, capacities and taxonomy terms. What HSDS has no field for
 * (Arabic name, kind, eligibility lists) rides in `x-mrm` extensions.
 */
export function toHsdsDocument(
  partners: readonly PartnerEntity[],
  services: readonly PartnerServiceEntity[],
): { organizations: object[] } {
  return {
    organizations: partners.map((partner) => ({
      id: partner.id,
      name: partner.nameFr,
      alternate_name: partner.nameEn,
      description: partner.description,
      email: partner.email,
      website: partner.website,
      legal_status: partner.kind,
      organization_identifiers: [
        {
          identifier_scheme: ORG_IDENTIFIER_SCHEME,
          identifier_type: 'institution code',
          identifier: partner.code,
        },
      ],
      phones: partner.phone ? [{ number: partner.phone }] : [],
      'x-mrm': {
        code: partner.code,
        kind: partner.kind,
        names: { fr: partner.nameFr, ar: partner.nameAr, en: partner.nameEn },
        active: partner.active,
      },
      services: services.filter((service) => service.partnerId === partner.id).map(toHsdsService),
    })),
  };
}

function toHsdsService(service: PartnerServiceEntity): object {
  return {
    id: service.id,
    organization_id: service.partnerId,
    name: service.name,
    description: service.description,
    status: service.active ? 'active' : 'inactive',
    email: service.contactEmail,
    phones: service.contactPhone ? [{ number: service.contactPhone }] : [],
    minimum_age: service.minAge,
    maximum_age: service.maxAge,
    languages: service.languages.map((code) => ({ code })),
    service_areas: service.regionCodes.map((code) => ({
      name: code,
      extent_type: 'region',
      extent: code,
    })),
    service_at_locations: service.locations.map((location) => ({
      location: {
        name: location.name,
        addresses: [{ city: location.city ?? null, region: location.regionCode }],
      },
    })),
    capacities:
      service.placesPerMonth === null
        ? []
        : [
            {
              maximum: service.placesPerMonth,
              available: Math.max(0, service.placesPerMonth - service.currentLoad),
              unit: { name: 'places per month' },
            },
          ],
    attributes: [{ taxonomy_term: { code: service.serviceType, taxonomy: SERVICE_TYPE_TAXONOMY } }],
    'x-mrm': {
      type: service.serviceType,
      eligibility: {
        categories: service.eligibleCategories,
        sexes: service.eligibleSexes,
        nationalities: service.eligibleNationalities,
      },
      currentLoad: service.currentLoad,
    },
  };
}
