import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import {
  OnlineLinkField,
  SessionDateField,
  SessionVenueField,
  WallClockField,
} from './session-fields';

export class CreateSessionRequestDto {
  @SessionDateField() readonly date: string;
  @WallClockField('09:00') readonly startTime: string;
  @WallClockField('12:00') readonly endTime: string;
  @SessionVenueField() readonly venue?: string;
  @OnlineLinkField() readonly onlineLink?: string;

  @ApiPropertyOptional({ example: 'trainer-42', pattern: '^[A-Za-z0-9._@|:-]{1,128}$' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._@|:-]{1,128}$/, { message: 'trainerId must be a user id' })
  readonly trainerId?: string;
}
