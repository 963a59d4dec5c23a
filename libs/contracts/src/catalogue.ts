import { EventDefinition } from './event-definition';
import { partnerSystemRegisteredV1 } from './partners/partner-system-registered.v1';
import { partnerSystemRevokedV1 } from './partners/partner-system-revoked.v1';
import { partnerRegisteredV1 } from './referrals/partner-registered.v1';
import { partnerUpdatedV1 } from './referrals/partner-updated.v1';
import { referralAcceptedV1 } from './referrals/referral-accepted.v1';
import { referralBusinessStatusChangedV1 } from './referrals/referral-business-status-changed.v1';
import { referralCancelledV1 } from './referrals/referral-cancelled.v1';
import { referralCompletedV1 } from './referrals/referral-completed.v1';
import { referralErasureAcknowledgedV1 } from './referrals/referral-erasure-acknowledged.v1';
import { referralErasureRequestedV1 } from './referrals/referral-erasure-requested.v1';
import { referralFailedV1 } from './referrals/referral-failed.v1';
import { referralOverdueV1 } from './referrals/referral-overdue.v1';
import { referralReceivedV1 } from './referrals/referral-received.v1';
import { referralRedirectedV1 } from './referrals/referral-redirected.v1';
import { referralRejectedV1 } from './referrals/referral-rejected.v1';
import { referralRemindedV1 } from './referrals/referral-reminded.v1';
import { referralRequestedV1 } from './referrals/referral-requested.v1';
import { referralStartedV1 } from './referrals/referral-started.v1';
import { referralSuspendedV1 } from './referrals/referral-suspended.v1';
import { beneficiaryClosedV1 } from './registration/beneficiary-closed.v1';
import { beneficiaryConsentGrantedV1 } from './registration/beneficiary-consent-granted.v1';
import { beneficiaryConsentWithdrawnV1 } from './registration/beneficiary-consent-withdrawn.v1';
import { beneficiaryEnrolledV1 } from './registration/beneficiary-enrolled.v1';
import { beneficiaryErasedV1 } from './registration/beneficiary-erased.v1';
import { beneficiaryMergedV1 } from './registration/beneficiary-merged.v1';
import { beneficiaryRegisteredV1 } from './registration/beneficiary-registered.v1';
import { beneficiaryUpdatedV1 } from './registration/beneficiary-updated.v1';
import { attendanceRecordedV1 } from './training/attendance-recorded.v1';
import { courseCancelledV1 } from './training/course-cancelled.v1';
import { courseCompletedV1 } from './training/course-completed.v1';
import { courseScheduledV1 } from './training/course-scheduled.v1';
import { enrolmentCompletedV1 } from './training/enrolment-completed.v1';
import { enrolmentCreatedV1 } from './training/enrolment-created.v1';
import { enrolmentPromotedV1 } from './training/enrolment-promoted.v1';
import { enrolmentWithdrawnV1 } from './training/enrolment-withdrawn.v1';
import { satisfactionRecordedV1 } from './training/satisfaction-recorded.v1';
import { planApprovedV1 } from './reintegration/plan-approved.v1';
import { projectClosedV1 } from './reintegration/project-closed.v1';
import { projectCreatedV1 } from './reintegration/project-created.v1';
import { projectDisbursementPaidV1 } from './reintegration/project-disbursement-paid.v1';
import { projectMilestoneReachedV1 } from './reintegration/project-milestone-reached.v1';
import { projectOperatingV1 } from './reintegration/project-operating.v1';
import { surveyScoredV1 } from './reintegration/survey-scored.v1';
import { visitOverdueV1 } from './reintegration/visit-overdue.v1';
import { visitRecordedV1 } from './reintegration/visit-recorded.v1';
import { visitScheduledV1 } from './reintegration/visit-scheduled.v1';

/** Every event on the bus. Consumers look contracts up here; the AsyncAPI document is built from it. */
export const EVENT_CATALOGUE: ReadonlyArray<EventDefinition<object>> = [
  beneficiaryRegisteredV1,
  beneficiaryUpdatedV1,
  beneficiaryEnrolledV1,
  beneficiaryConsentGrantedV1,
  beneficiaryConsentWithdrawnV1,
  beneficiaryMergedV1,
  beneficiaryClosedV1,
  beneficiaryErasedV1,
  courseScheduledV1,
  courseCancelledV1,
  courseCompletedV1,
  enrolmentCreatedV1,
  enrolmentWithdrawnV1,
  enrolmentPromotedV1,
  attendanceRecordedV1,
  enrolmentCompletedV1,
  satisfactionRecordedV1,
  partnerRegisteredV1,
  partnerUpdatedV1,
  partnerSystemRegisteredV1,
  partnerSystemRevokedV1,
  referralAcceptedV1,
  referralBusinessStatusChangedV1,
  referralCancelledV1,
  referralCompletedV1,
  referralErasureRequestedV1,
  referralErasureAcknowledgedV1,
  referralFailedV1,
  referralOverdueV1,
  referralReceivedV1,
  referralRedirectedV1,
  referralRejectedV1,
  referralRemindedV1,
  referralRequestedV1,
  referralStartedV1,
  referralSuspendedV1,
  projectCreatedV1,
  projectMilestoneReachedV1,
  projectDisbursementPaidV1,
  projectOperatingV1,
  projectClosedV1,
  visitScheduledV1,
  visitRecordedV1,
  visitOverdueV1,
  surveyScoredV1,
  planApprovedV1,
];

const BY_TYPE = new Map(EVENT_CATALOGUE.map((definition) => [definition.type, definition]));

export function findEventDefinition(type: string): EventDefinition<object> | undefined {
  return BY_TYPE.get(type);
}
