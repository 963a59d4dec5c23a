import { PartnerSystemKeyEntity } from '../partner-dispatch/partner-system-key.entity';
import { CreatePartnerSystemKey1763900700000 } from './migrations/1763900700000-CreatePartnerSystemKey';
import { BeneficiaryEntity } from '../beneficiaries/beneficiary.entity';
import { CreateBeneficiary1763900100000 } from './migrations/1763900100000-CreateBeneficiary';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { BeneficiaryLinkEntity } from '../beneficiaries/beneficiary-link.entity';
import { BeneficiarySearchKeyEntity } from '../beneficiaries/beneficiary-search-key.entity';
import { AddIdentityToBeneficiary1763900100100 } from './migrations/1763900100100-AddIdentityToBeneficiary';
import { CreateAuditEntry1763900100200 } from './migrations/1763900100200-CreateAuditEntry';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { EnrolmentEntity } from '../programmes/enrolment.entity';
import { CreateProgramme1763900300000 } from './migrations/1763900300000-CreateProgramme';
import { CreateEnrolment1763900310000 } from './migrations/1763900310000-CreateEnrolment';
import { ConsentEntity } from '../consents/consent.entity';
import { CreateConsent1763900320000 } from './migrations/1763900320000-CreateConsent';
import { DuplicateCandidateEntity } from '../duplicates/duplicate-candidate.entity';
import { CreateDuplicateCandidate1763900400000 } from './migrations/1763900400000-CreateDuplicateCandidate';
import { ImportRowEntity } from '../imports/import-row.entity';
import { CreateImportRow1763900500000 } from './migrations/1763900500000-CreateImportRow';
import { ReferralAccessGrantEntity } from '../referral-access/referral-access-grant.entity';
import { CreateReferralAccessGrant1763900600000 } from './migrations/1763900600000-CreateReferralAccessGrant';
import { MatchReviewEntity } from '../match-reviews/match-review.entity';
import { CreateMatchReview1763900750000 } from './migrations/1763900750000-CreateMatchReview';
import { MakeAuditEntryAppendOnly1763900800000 } from './migrations/1763900800000-MakeAuditEntryAppendOnly';
import { EncryptBeneficiaryBirthDate1763900900000 } from './migrations/1763900900000-EncryptBeneficiaryBirthDate';
import { AllowAuditScrubOfErasedPeople1763901000000 } from './migrations/1763901000000-AllowAuditScrubOfErasedPeople';

/** Registration's entities and migrations, shared by the app, the migrate entrypoint and the CLI. */
export const REGISTRATION_ENTITIES = [
  BeneficiaryEntity,
  BeneficiarySearchKeyEntity,
  BeneficiaryLinkEntity,
  AuditEntryEntity,
  ProgrammeEntity,
  EnrolmentEntity,
  ConsentEntity,
  DuplicateCandidateEntity,
  ImportRowEntity,
  ReferralAccessGrantEntity,
  PartnerSystemKeyEntity,
  MatchReviewEntity,
];
export const REGISTRATION_MIGRATIONS = [
  CreateBeneficiary1763900100000,
  AddIdentityToBeneficiary1763900100100,
  CreateAuditEntry1763900100200,
  CreateProgramme1763900300000,
  CreateEnrolment1763900310000,
  CreateConsent1763900320000,
  CreateDuplicateCandidate1763900400000,
  CreateImportRow1763900500000,
  CreateReferralAccessGrant1763900600000,
  CreatePartnerSystemKey1763900700000,
  CreateMatchReview1763900750000,
  MakeAuditEntryAppendOnly1763900800000,
  EncryptBeneficiaryBirthDate1763900900000,
  AllowAuditScrubOfErasedPeople1763901000000,
];
