import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';

export class VisitScheduleFile {
  @Matches(/^[A-Za-z0-9._-]{1,32}$/) readonly version: string;
  /** Months after the start of operation, for programmes without their own schedule. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(120, { each: true })
  readonly defaultMonths: number[];
  /** Programme code → months. */
  @IsObject() readonly programmes: Record<string, number[]>;
}

/** Reads and checks the schedules file: months strictly increasing, between 1 and 120. */
export function readVisitScheduleFile(path: string): VisitScheduleFile {
  const file = plainToInstance(VisitScheduleFile, JSON.parse(readFileSync(resolve(path), 'utf8')));
  const errors = validateSync(file);
  if (errors.length > 0) throw new Error(`${path}: ${errors.map(String).join('; ')}`);
  for (const [name, months] of [
    ['default', file.defaultMonths],
    ...Object.entries(file.programmes),
  ] as const) {
    const valid =
      Array.isArray(months) &&
      months.length > 0 &&
      months.every(
        (m, i) => Number.isInteger(m) && m >= 1 && m <= 120 && (i === 0 || m > months[i - 1]),
      );
    if (!valid) {
      throw new Error(`${path}: the ${name} schedule must be increasing months in 1..120`);
    }
  }
  return file;
}

/** The months of a programme's schedule (the default one without a programme of its own). */
export function monthsFor(file: VisitScheduleFile, programmeCode: string | null): number[] {
  return (
    (programmeCode !== null ? file.programmes[programmeCode] : undefined) ?? file.defaultMonths
  );
}
