import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { defineEvent } from '../event-definition';
import { CourseDimensions } from './course-dimensions';

export class SatisfactionRecordedV1 extends CourseDimensions {
  /** Survey response id in the training service. */
  @IsUUID() readonly responseId: string;
  /** Pseudonymous beneficiary id; absent for an anonymous answer. */
  @IsOptional() @IsUUID() readonly beneficiaryId?: string;
  /** Overall satisfaction, 1 (very poor) to 5 (very good). */
  @IsInt() @Min(1) @Max(5) readonly overall: number;
  /** Usefulness, 1 to 5. */
  @IsInt() @Min(1) @Max(5) readonly usefulness: number;
  /** Would recommend the course to someone else. */
  @IsBoolean() readonly wouldRecommend: boolean;
}

export const satisfactionRecordedV1 = defineEvent({
  type: 'satisfaction.recorded.v1',
  producer: 'training',
  payload: SatisfactionRecordedV1,
  description:
    'A participant answered the end-of-course survey (free-text comments stay in training).',
});
