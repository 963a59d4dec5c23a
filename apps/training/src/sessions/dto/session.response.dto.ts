import { ApiProperty } from '@nestjs/swagger';
import { casablancaParts, TRAINING_TIME_ZONE } from '../casablanca-time';
import { SESSION_STATUSES, sessionHours, type SessionView } from '../session-view';

export class SessionResponseDto {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ format: 'uuid' }) readonly courseId: string;
  @ApiProperty({ format: 'date-time' }) readonly startsAt: string;
  @ApiProperty({ format: 'date-time' }) readonly endsAt: string;
  @ApiProperty({ example: TRAINING_TIME_ZONE }) readonly timeZone: string;
  @ApiProperty({ format: 'date', description: 'Day in Africa/Casablanca' }) readonly date: string;
  @ApiProperty({ example: '09:00' }) readonly startTime: string;
  @ApiProperty({ example: '12:00' }) readonly endTime: string;
  @ApiProperty({ example: '3.00', description: 'Length in hours, exact decimal string' })
  readonly hours: string;
  @ApiProperty({ nullable: true, type: String }) readonly venue: string | null;
  @ApiProperty({ nullable: true, type: String }) readonly onlineLink: string | null;
  @ApiProperty({ nullable: true, type: String }) readonly trainerId: string | null;
  @ApiProperty({ enum: SESSION_STATUSES }) readonly status: string;
  @ApiProperty({ nullable: true, type: String }) readonly cancellationReason: string | null;
  @ApiProperty({ description: 'Also the ETag' }) readonly version: number;
}

export class SessionListResponseDto {
  @ApiProperty({ type: [SessionResponseDto] }) readonly items: SessionResponseDto[];
}

export function toSessionResponse(session: SessionView): SessionResponseDto {
  const start = casablancaParts(session.startsAt);
  return {
    id: session.id,
    courseId: session.courseId,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    timeZone: TRAINING_TIME_ZONE,
    date: start.date,
    startTime: start.time,
    endTime: casablancaParts(session.endsAt).time,
    hours: sessionHours(session),
    venue: session.venue,
    onlineLink: session.onlineLink,
    trainerId: session.trainerId,
    status: session.status,
    cancellationReason: session.cancellationReason,
    version: session.version,
  };
}

export function toSessionListResponse(sessions: readonly SessionView[]): SessionListResponseDto {
  return { items: sessions.map(toSessionResponse) };
}
