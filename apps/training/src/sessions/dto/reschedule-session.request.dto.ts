import {
  OnlineLinkField,
  SessionDateField,
  SessionVenueField,
  WallClockField,
} from './session-fields';

/** The new day and times; venue and link replace the old ones when given. */
export class RescheduleSessionRequestDto {
  @SessionDateField() readonly date: string;
  @WallClockField('09:00') readonly startTime: string;
  @WallClockField('12:00') readonly endTime: string;
  @SessionVenueField() readonly venue?: string;
  @OnlineLinkField() readonly onlineLink?: string;
}
