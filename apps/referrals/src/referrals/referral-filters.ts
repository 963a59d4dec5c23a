import { canSeeAllPersonalFiles, type Principal } from '@mrm/auth';
import type { SelectQueryBuilder } from 'typeorm';
import type { ListReferralsQueryDto } from './dto/list-referrals.query.dto';
import type { ReferralEntity } from './referral.entity';

/**
 * The list's scoping and filters on a query of `referral r` whose parameters hold `org`, `open`
 * (the open statuses) and `now`: each institution its side, national roles everything.
 */
export function applyReferralFilters(
  builder: SelectQueryBuilder<ReferralEntity>,
  principal: Principal,
  query: ListReferralsQueryDto,
): void {
  const outgoing = 'r.referring_org = :org';
  const incoming = "(r.receiving_org = :org AND r.status <> 'draft')";
  if (query.direction === 'outgoing') builder.andWhere(outgoing);
  else if (query.direction === 'incoming') builder.andWhere(incoming);
  else if (!canSeeAllPersonalFiles(principal)) builder.andWhere(`(${outgoing} OR ${incoming})`);
  const filters: Array<[unknown, string]> = [
    [query.status, 'r.status = :status'],
    [query.partner, '(r.receiving_org = :partner OR r.referring_org = :partner)'],
    [query.serviceType, 'r.service_type = :serviceType'],
    [query.priority, 'r.priority = :priority'],
    [query.from, 'r.created_at >= :from'],
    [query.to, 'r.created_at < :to'],
  ];
  for (const [value, condition] of filters) {
    if (value !== undefined) builder.andWhere(condition, query);
  }
  if (query.escalated !== undefined) {
    const escalated = 'r.escalated_at IS NOT NULL AND r.status IN (:...open)';
    builder.andWhere(query.escalated ? escalated : `NOT (${escalated})`);
  }
  if (query.overdue !== undefined) {
    const overdue = `r.status IN (:...open) AND ((r.status = 'requested' AND r.acknowledgement_due_at <= :now)
        OR (r.status IN ('requested', 'received') AND r.answer_due_at <= :now))`;
    builder.andWhere(query.overdue ? `(${overdue})` : `NOT (${overdue})`);
  }
}
