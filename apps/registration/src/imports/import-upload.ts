import { extname } from 'node:path';
import { Catch, PayloadTooLargeException, type ArgumentsHost } from '@nestjs/common';
import { ProblemDetailsFilter } from '@mrm/http';
import type { Observable } from 'rxjs';
import { ImportError } from './import.errors';
import type { ImportFormat } from './import-file';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BY_EXTENSION: Record<string, ImportFormat> = { '.csv': 'csv', '.xlsx': 'xlsx' };
const BY_MIME: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  [XLSX_MIME]: 'xlsx',
};

/**
 * The format of a file from its name, else its media type (browsers send `.csv` under several
 * types, Windows as `application/vnd.ms-excel`). Anything else is refused with 415.
 */
export function formatOf(input: { fileName?: string; mimeType?: string }): ImportFormat {
  const extension = extname(input.fileName ?? '').toLowerCase();
  const mime = (input.mimeType ?? '').split(';')[0].trim().toLowerCase();
  const format = extension ? BY_EXTENSION[extension] : BY_MIME[mime];
  if (!format) {
    throw new ImportError('IMPORT_UNSUPPORTED_FILE_TYPE', {
      detail: 'Send a .csv (UTF-8) or .xlsx file; save .xls and .ods files as .xlsx first',
    });
  }
  return format;
}

/** The uploaded file and its format, or the 415/400 problem that explains what is missing. */
export function uploadedImportFile(input: {
  file: Express.Multer.File | undefined;
  contentType: string | undefined;
}): { file: Buffer; format: ImportFormat } {
  if (!input.contentType?.toLowerCase().startsWith('multipart/form-data')) {
    throw new ImportError('IMPORT_UNSUPPORTED_FILE_TYPE', {
      detail: 'Send the file as multipart/form-data, in the field "file"',
    });
  }
  if (!input.file) {
    throw new ImportError('IMPORT_FILE_MISSING', {
      detail: 'Send the CSV or XLSX file in the multipart field "file"',
    });
  }
  const format = formatOf({ fileName: input.file.originalname, mimeType: input.file.mimetype });
  return { file: input.file.buffer, format };
}

/** The platform's problem+json, with multer's "file too large" under the import's own code. */
@Catch()
export class ImportUploadErrorsFilter extends ProblemDetailsFilter {
  override catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    return super.catch(
      exception instanceof PayloadTooLargeException
        ? new ImportError('IMPORT_FILE_TOO_LARGE', {
            detail: 'Split the file into parts of at most 10 MB',
          })
        : exception,
      host,
    );
  }
}
