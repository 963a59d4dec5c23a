import { NestedObject } from '@mrm/http';
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Min,
  validateSync,
} from 'class-validator';
import { PROJECT_KINDS, type ProjectKind } from '../projects/project-vocabulary';

const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

export class ChainStep {
  @Matches(CODE) readonly code: string;
  @IsString() readonly title: string;
  /** Least amount in MAD the evidence must show (the cooperative's capital). */
  @IsOptional() @Matches(/^[0-9]{1,12}\.[0-9]{2}$/) readonly minAmount?: string;
}

export class ChainDefinition {
  @Matches(CODE) readonly code: string;
  @IsString() readonly title: string;
  @IsArray() @IsIn(PROJECT_KINDS, { each: true }) readonly kinds: ProjectKind[];
  @IsInt() @Min(1) readonly minMembers: number;
  @IsArray()
  @ArrayMinSize(1)
  @NestedObject(() => ChainStep, { each: true })
  readonly steps: ChainStep[];
}

export class ChainFile {
  @Matches(/^[A-Za-z0-9._-]{1,32}$/) readonly version: string;
  @IsOptional() readonly defaults: Partial<Record<ProjectKind, string>>;
  @IsArray()
  @NestedObject(() => ChainDefinition, { each: true })
  readonly chains: ChainDefinition[];
}

/** The last step of every chain: reaching it makes the project operating. */
export const OPERATING_STEP = 'operating';

/** Reads and checks the chains file; a bad file stops the boot, it never half-loads. */
export function readChainFile(path: string): ChainFile {
  const file = plainToInstance(ChainFile, JSON.parse(readFileSync(resolve(path), 'utf8')));
  const errors = validateSync(file, { forbidUnknownValues: true });
  if (errors.length > 0) throw new Error(`${path}: ${errors.map(String).join('; ')}`);
  for (const chain of file.chains) {
    const codes = chain.steps.map((step) => step.code);
    if (new Set(codes).size !== codes.length) throw new Error(`${chain.code}: repeated steps`);
    if (codes[codes.length - 1] !== OPERATING_STEP) {
      throw new Error(`${chain.code}: the last step must be '${OPERATING_STEP}'`);
    }
  }
  for (const [kind, code] of Object.entries(file.defaults ?? {})) {
    const chain = file.chains.find((candidate) => candidate.code === code);
    if (!chain?.kinds.includes(kind as ProjectKind)) {
      throw new Error(`${path}: default chain ${code} does not exist for ${kind}`);
    }
  }
  return file;
}
