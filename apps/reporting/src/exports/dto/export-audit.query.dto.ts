import { PageQueryDto } from '@mrm/http';

/** Newest first, paginated. */
export class ExportAuditQueryDto extends PageQueryDto {}
