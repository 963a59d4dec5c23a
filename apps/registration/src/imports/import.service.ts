import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { uuidv7 } from '@mrm/contracts';
import { DomainError, type FieldViolation } from '@mrm/errors';
import { canonicalJson } from '@mrm/http';
import { BlindIndex } from '@mrm/protection';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BeneficiariesService } from '../beneficiaries/beneficiaries.service';
import { draftFromRequest } from '../beneficiaries/beneficiary-input';
import { DuplicateGate } from '../beneficiaries/duplicate-gate';
import type { RegisterBeneficiaryRequestDto } from '../beneficiaries/dto/register-beneficiary.request.dto';
import { readTable, type ImportFormat, type ImportTableRow } from './import-file';
import {
  totalsOf,
  type ImportCandidate,
  type ImportElsewhere,
  type ImportReport,
  type ImportRowError,
  type ImportRowResult,
} from './import-report';
import { ImportRowEntity } from './import-row.entity';
import { resolveColumns, type ColumnLayout } from './import-template';
import { RunGate } from './run-gate';
import { mapRow } from './row-mapping';
import { validateRegistration } from './registration-validation';

export interface ImportRunInput {
  readonly file: Buffer;
  readonly format: ImportFormat;
  readonly principal: Principal;
  readonly dryRun: boolean;
  /** The caller's access reason (`X-Access-Reason`, CLI `--reason`), for the audit log. */
  readonly reason?: string | null;
  readonly onProgress?: (done: number, total: number) => void;
}

interface RunContext extends ImportRunInput {
  readonly importId: string;
  readonly layout: ColumnLayout;
  /** Dry run: the first result of each distinct row, to report repeats as a real run would. */
  readonly firstByHash: Map<string, ImportRowResult>;
}

interface ValidRow {
  readonly row: number;
  readonly request: RegisterBeneficiaryRequestDto;
  readonly rowHash: string;
  readonly columnOf: (field: string) => string | undefined;
}

// Blind-index domain of import rows: reaches the database through the hashes, never rename it.
const ROW_HASH_DOMAIN = 'import-row';
// Advisory-lock key space of import rows (two-key form: never collides with single-key locks).
const ROW_LOCK_SPACE = 0x494d5052;

/**
 * Bulk registration from a CSV or XLSX file. Each row is validated with the API's rules and
 * registered through `BeneficiariesService.create`, in its own transaction: a bad row never blocks
 * another. Imported rows are remembered by blind index (`import_row`), so a re-import creates
 * nothing new. A dry run validates and checks duplicates and earlier imports, and writes only its
 * `import` audit entry.
 */
@Injectable()
export class ImportService {
  private readonly gate = new RunGate(2);

  constructor(
    private readonly dataSource: DataSource,
    private readonly beneficiaries: BeneficiariesService,
    private readonly audit: AuditService,
    private readonly blindIndex: BlindIndex,
    private readonly duplicates: DuplicateGate,
  ) {}

  async run(input: ImportRunInput): Promise<ImportReport> {
    // Parsing a file takes memory and CPU, and a writing run holds two pooled connections per row
    // (see `commit`): dry runs included, at most two files are parsed or imported at once.
    return this.gate.run(() => this.parseAndImport(input));
  }

  private async parseAndImport(input: ImportRunInput): Promise<ImportReport> {
    const table = await readTable(input.file, input.format);
    const layout = resolveColumns(table.headers, (index) =>
      table.rows.some((row) => (row.cells[index] ?? '').trim() !== ''),
    );
    const context: RunContext = { ...input, importId: uuidv7(), layout, firstByHash: new Map() };
    const results: ImportRowResult[] = [];
    try {
      for (const [index, row] of table.rows.entries()) {
        results.push(await this.importRow(context, row));
        input.onProgress?.(index + 1, table.rows.length);
      }
    } catch (error) {
      // Rows created so far stay (and are remembered): re-running the file resumes the import.
      await this.recordRun(context, results, true).catch(() => undefined);
      throw error;
    }
    await this.recordRun(context, results, false);
    return {
      importId: context.importId,
      dryRun: input.dryRun,
      totals: totalsOf(results),
      rows: results,
    };
  }

  private async importRow(context: RunContext, tableRow: ImportTableRow): Promise<ImportRowResult> {
    const { row, cells } = tableRow;
    if (cells.slice(context.layout.keys.length).some((cell) => cell.trim() !== '')) {
      return invalid(row, [{ field: 'row', message: 'has values beyond the last named column' }]);
    }
    const mapped = mapRow(context.layout, cells);
    const checked = await validateRegistration(mapped.request);
    if ('violations' in checked) {
      return invalid(row, withColumns(checked.violations, mapped.columnOf));
    }
    const valid: ValidRow = {
      row,
      request: checked.request,
      columnOf: mapped.columnOf,
      // The row as the registry would store it (spellings normalised), for this institution. The
      // draft leaves out the override reason: adding one to an imported row is not a new row.
      rowHash: this.blindIndex.compute(
        ROW_HASH_DOMAIN,
        canonicalJson({ org: context.principal.org, row: draftFromRequest(checked.request) }),
      ),
    };
    return context.dryRun ? this.preview(context, valid) : this.commit(context, valid);
  }

  private async preview(context: RunContext, valid: ValidRow): Promise<ImportRowResult> {
    const { row, rowHash, request } = valid;
    const earlier = context.firstByHash.get(rowHash);
    if (earlier) {
      return earlier.status === 'would-create'
        ? { row, status: 'already-imported' }
        : { ...earlier, row };
    }
    const imported = await this.dataSource.manager.findOneBy(ImportRowEntity, { rowHash });
    let result: ImportRowResult;
    if (imported) {
      result = { row, status: 'already-imported', beneficiaryId: imported.beneficiaryId };
    } else {
      result = await this.checkDuplicates(row, request, context);
    }
    context.firstByHash.set(rowHash, result);
    return result;
  }

  /**
   * Registers a row unless it was imported before. `create` owns its transaction; this one holds
   * an advisory lock on the row hash around it, so a concurrent import of the same row waits and
   * then sees the `import_row` written here. A crash between the two commits leaves a record
   * without its `import_row`: a re-import then meets it as a probable duplicate.
   */
  private async commit(context: RunContext, valid: ValidRow): Promise<ImportRowResult> {
    const { row, rowHash } = valid;
    return this.dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ROW_LOCK_SPACE, rowHash]);
      const imported = await em.findOneBy(ImportRowEntity, { rowHash });
      if (imported) {
        return { row, status: 'already-imported', beneficiaryId: imported.beneficiaryId };
      }
      const result = await this.register(context, valid);
      if (result.status === 'created' && result.beneficiaryId) {
        await em.insert(ImportRowEntity, {
          rowHash,
          beneficiaryId: result.beneficiaryId,
          importId: context.importId,
          importedAt: new Date(),
        });
      }
      return result;
    });
  }

  private async register(context: RunContext, valid: ValidRow): Promise<ImportRowResult> {
    const { row } = valid;
    try {
      const { entity } = await this.beneficiaries.create({
        request: valid.request,
        principal: context.principal,
        reason: context.reason,
        matchContext: 'import',
      });
      return { row, status: 'created', beneficiaryId: entity.id, reference: entity.reference };
    } catch (error) {
      // Infrastructure failures stop the run; a broken business rule only fails its row.
      if (!(error instanceof DomainError) || error.status >= 500) throw error;
      if (error.code === 'PROBABLE_DUPLICATE') return probableDuplicateRow(row, error);
      // Past the probing budget the run stops (rows created so far stay), as a dry run does.
      if (error.code === 'PROBING_RATE_LIMITED') throw error;
      return invalid(
        row,
        error.violations.length > 0
          ? withColumns(error.violations, valid.columnOf)
          : [{ field: 'row', message: error.title }],
      );
    }
  }

  /** The duplicate check of `create` (the same gate, 409 and override), without writing. */
  private async checkDuplicates(
    row: number,
    request: RegisterBeneficiaryRequestDto,
    context: RunContext,
  ): Promise<ImportRowResult> {
    try {
      await this.duplicates.check({
        draft: draftFromRequest(request),
        principal: context.principal,
        override: request.duplicateOverride,
        context: 'import-dry-run',
        reason: context.reason,
      });
      return { row, status: 'would-create' };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'PROBABLE_DUPLICATE') {
        return probableDuplicateRow(row, error);
      }
      throw error;
    }
  }

  /**
   * One `import` audit entry per run, dry or not: counts and the ids of every candidate shown (a
   * dry run is a lookup too), never a value or a file name. Cross-institution matches have their
   * own `match-elsewhere` entries; their review ids are listed here.
   */
  private async recordRun(
    context: RunContext,
    results: readonly ImportRowResult[],
    aborted: boolean,
  ): Promise<void> {
    await this.audit.record(undefined, {
      actor: context.principal,
      action: 'import',
      resourceType: 'beneficiary-import',
      resourceIds: [context.importId],
      reason: context.reason,
      details: {
        format: context.format,
        dryRun: context.dryRun,
        totals: totalsOf(results),
        candidateIds: [
          ...new Set(results.flatMap((result) => (result.candidates ?? []).map((c) => c.id))),
        ],
        matchReviewIds: results.flatMap((result) =>
          result.elsewhere ? [result.elsewhere.reviewId] : [],
        ),
        ...(aborted ? { aborted: true } : {}),
      },
    });
  }
}

function invalid(row: number, errors: readonly ImportRowError[]): ImportRowResult {
  return { row, status: 'invalid', errors };
}

function withColumns(
  violations: readonly FieldViolation[],
  columnOf: (field: string) => string | undefined,
): ImportRowError[] {
  return violations.map(({ field, message }) => {
    const column = columnOf(field);
    return column ? { field, column, message } : { field, message };
  });
}

/**
 * The row as `create`'s 409 answered it: the caller's own candidates (ids, references and match
 * codes) and, when another institution's record matched, only `elsewhere` (reason, review id).
 */
function probableDuplicateRow(row: number, error: DomainError): ImportRowResult {
  const extensions = (
    error as { problemExtensions?: { candidates?: unknown; elsewhere?: ImportElsewhere } }
  ).problemExtensions;
  const listed = Array.isArray(extensions?.candidates) ? extensions.candidates : [];
  const candidates = listed.map((candidate) => {
    const { id, reference, reasons } = candidate as ImportCandidate;
    return { id, reference, reasons: [...reasons] };
  });
  const elsewhere = extensions?.elsewhere;
  return {
    row,
    status: 'probable-duplicate',
    candidates,
    ...(elsewhere ? { elsewhere: { reason: elsewhere.reason, reviewId: elsewhere.reviewId } } : {}),
  };
}
