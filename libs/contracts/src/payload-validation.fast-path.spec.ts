import { validateSync } from 'class-validator';
import { EVENT_CATALOGUE } from './catalogue';
import { validatePayload } from './payload-validation';

// validatePayload answers valid events through a fast path that runs the contract's constraints
// without class-validator's executor. Its verdict must always be class-validator's own.

/** Valid values for every field name of the catalogue (unknown fields are tolerated). */
const UNIVERSAL = {
  beneficiaryId: '01a20992-4b3a-72ca-8558-42586822780f',
  mergedBeneficiaryId: '01a20992-4ba7-7729-9278-0a43f76a1896',
  consentId: '01a20992-4bdb-7ddf-9c1e-f01c99705bb4',
  enrolmentId: '01a20992-4c09-7b51-97fd-beec6e2428e6',
  programmeId: '01a20992-4c3c-7317-83af-0b80d8176164',
  reference: 'MA-2026-000001',
  ownerOrg: 'IOM',
  category: 'foreign-avrr',
  sex: 'male',
  birthYear: 1994,
  nationality: 'SN',
  regionCode: '06',
  programmeCode: 'FORAS',
  countryOfOrigin: 'SN',
  returnCountry: 'IT',
  languages: ['fr', 'ar'],
  status: 'registered',
  version: 2,
  registeredAt: '2026-11-23T10:00:00.000Z',
  updatedAt: '2026-11-23T10:00:00.000Z',
  closedAt: '2026-11-23T10:00:00.000Z',
  erasedAt: '2026-11-23T10:00:00.000Z',
  mergedAt: '2026-11-23T10:00:00.000Z',
  grantedAt: '2026-11-23T10:00:00.000Z',
  withdrawnAt: '2026-11-23T10:00:00.000Z',
  expiresAt: '2027-11-23T10:00:00.000Z',
  enteredOn: '2026-11-23',
  exitedOn: '2026-12-23',
  purposes: ['referral'],
  recipients: ['ANAPEC'],
  dataCategories: ['contact'],
  noticeVersion: 'v1',
  reason: 'closed',
};

/** The training service's fields; `outcome` is an enrolment's there. */
const TRAINING = {
  courseId: '01a20992-4c3c-7317-83af-0b80d8176165',
  courseKind: 'personal-development',
  organisingOrg: 'IOM',
  startsOn: '2026-11-23',
  endsOn: '2026-12-23',
  capacity: 25,
  cancelledAt: '2026-11-23T10:00:00.000Z',
  completedAt: '2026-11-23T10:00:00.000Z',
  promotedAt: '2026-11-23T10:00:00.000Z',
  sessionsHeld: 10,
  sessionsAttended: 8,
  enrolled: 25,
  completed: 20,
  waiting: true,
  waitingPosition: 3,
  previousStatus: 'enrolled',
  sessionId: '01a20992-4c3c-7317-83af-0b80d8176166',
  sessionDate: '2026-11-23',
  sessionHours: '2.50',
  present: 20,
  absent: 3,
  excused: 2,
  outcome: 'completed',
  hoursAttended: '20.00',
  responseId: '01a20992-4c3c-7317-83af-0b80d8176167',
  overall: 5,
  usefulness: 4,
  wouldRecommend: true,
};

/** The reintegration service's fields; `outcome` is a project's there. */
const REINTEGRATION = {
  projectId: '01a20992-4c6e-7a11-8f3e-1b2c3d4e5f60',
  kind: 'collective',
  sector: 'handicraft',
  chainCode: 'cooperative-112-12',
  chainVersion: '2026-12-01',
  memberIds: ['01a20992-4b3a-72ca-8558-42586822780f'],
  budgetTotal: '12000.30',
  inKindTotal: '0.00',
  createdAt: '2026-11-23T10:00:00.000Z',
  milestone: 'statutes-signed',
  position: 2,
  reachedOn: '2027-03-01',
  overridden: false,
  trancheId: '01a20992-4c9f-7b22-9a4d-2c3d4e5f6071',
  sequence: 1,
  amount: '5000.50',
  payingOrg: 'IOM',
  paidOn: '2027-01-20',
  paidTotal: '5000.50',
  operatingSince: '2027-03-01',
  outcome: 'sustainable',
  visitId: '01a20992-4cd0-7c33-8b5e-3d4e5f607182',
  monthsAfter: 3,
  dueOn: '2027-06-01',
  scheduleVersion: '2026-12-01',
  overdueAt: '2027-06-02T00:00:00.000Z',
  visitedOn: '2027-05-28',
  late: false,
  activityRunning: true,
  monthlyIncome: '3200.50',
  jobsCreated: 3,
  jobsHeldByWomen: 2,
  supportStatus: 'ongoing',
  responseId: '01a20992-4d01-7d44-9c6f-4e5f60718293',
  wave: 'baseline',
  weightsVersion: 'v1',
  economic: '0.5500',
  social: '0.6000',
  psychosocial: '0.7500',
  composite: '0.6125',
  answeredItems: 7,
  scoredAt: '2027-04-10T10:00:00.000Z',
  planId: '01a20992-4d32-7e55-8d70-5f60718293a4',
  revision: 1,
  assistance: ['individual-grant'],
  onTime: true,
  approvedAt: '2027-01-20T10:00:00.000Z',
};

/** The referrals service's fields; `status` takes the FHIR Task vocabulary there. */
const REFERRALS = {
  referralId: '01a20992-4d01-7a11-9e6b-0b80d8176164',
  referringOrg: 'IOM',
  receivingOrg: 'ANAPEC',
  serviceId: '01a20992-4d02-7a11-9e6b-0b80d8176164',
  serviceType: 'employment',
  priority: 'urgent',
  status: 'accepted',
  occurredAt: '2026-11-23T10:00:00.000Z',
  requestedAt: '2026-11-23T10:00:00.000Z',
  secondsToAcknowledge: 3600,
  acknowledgedWithinDeadline: true,
  secondsToAnswer: 7200,
  answeredWithinDeadline: false,
  outcomeReported: false,
  consentOverridden: false,
  redirectedFromReferralId: '01a20992-4d03-7a11-9e6b-0b80d8176164',
  rejectionReason: 'no-capacity',
  newReferralId: '01a20992-4d04-7a11-9e6b-0b80d8176164',
  newReceivingOrg: 'COOPI',
  newServiceId: '01a20992-4d05-7a11-9e6b-0b80d8176164',
  outcome: 'service-provided',
  cause: 'consent-withdrawn',
  deadline: 'answer',
  dueAt: '2026-11-24T10:00:00.000Z',
  erasureRequestId: '01a20992-4d06-7a11-9e6b-0b80d8176164',
  referralIds: ['01a20992-4d07-7a11-9e6b-0b80d8176164'],
  acknowledgedAt: '2026-11-25T10:00:00.000Z',
  stillPending: 0,
  allAcknowledged: true,
  businessStatus: 'appointment-booked',
  partnerId: '01a20992-4d08-7a11-9e6b-0b80d8176164',
  code: 'ANAPEC',
  kind: 'agency',
  active: true,
  serviceTypes: ['employment'],
  regionCodes: ['05'],
  busCode: 'anapec',
  publicJwk: '{"kty":"RSA","n":"AQAB","e":"AQAB"}',
  nkey: 'UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4',
  keyVersion: 1,
};

const BY_PRODUCER: Partial<Record<string, Record<string, unknown>>> = {
  training: TRAINING,
  reintegration: REINTEGRATION,
  referrals: REFERRALS,
};

const ODD_VALUES: unknown[] = [
  undefined,
  null,
  '',
  'x',
  'ab',
  'AB',
  'MA-2026',
  '2026-11-23',
  '2026-13-45T99:00:00Z',
  '01a20992-4b3a-72ca-8558-42586822780F',
  'x'.repeat(65),
  0,
  -1,
  1,
  1.5,
  1899,
  2101,
  Number.NaN,
  true,
  [],
  ['ab', 'cd'],
  ['AB'],
  [1, 2],
  Array.from({ length: 11 }, () => 'ab'),
  Array.from({ length: 201 }, () => 'x'),
  {},
  new Set(['ab']),
];

function classValidatorSays(payload: object, data: object): boolean {
  const instance = Object.assign(Object.create(payload) as object, data);
  return validateSync(instance, { whitelist: false, forbidUnknownValues: true }).length === 0;
}

describe('validatePayload fast path', () => {
  it.each(EVENT_CATALOGUE.map((definition) => [definition.type, definition] as const))(
    'agrees with class-validator on %s, valid or mutated',
    (_type, definition) => {
      const prototype = definition.payload.prototype as object;
      const universal = { ...UNIVERSAL, ...BY_PRODUCER[definition.producer] };
      const cases: object[] = [universal, { ...universal, constructor: 'shadowed' }];
      for (const field of Object.keys(universal)) {
        for (const value of ODD_VALUES) cases.push({ ...universal, [field]: value });
        const { [field]: _removed, ...without } = universal as Record<string, unknown>;
        cases.push(without);
      }
      let valid = 0;
      for (const data of cases) {
        const expected = classValidatorSays(prototype, data);
        expect([JSON.stringify(data), validatePayload(definition, data).ok]).toEqual([
          JSON.stringify(data),
          expected,
        ]);
        if (expected) valid += 1;
      }
      // The universal payload is valid for every contract, so the fast path is exercised.
      expect(valid).toBeGreaterThan(0);
    },
  );
});
