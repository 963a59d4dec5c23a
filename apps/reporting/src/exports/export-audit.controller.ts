import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@mrm/auth';
import type { Page } from '@mrm/http';
import { ExportAuditService, type ExportAuditEntry } from './audit/export-audit.service';
import { ExportAuditQueryDto } from './dto/export-audit.query.dto';

/** Who exported what, with which query, when: for auditors. */
@ApiTags('exports')
@Controller({ path: 'exports/audit-entries', version: '1' })
@Roles('auditor', 'admin')
export class ExportAuditController {
  constructor(private readonly audit: ExportAuditService) {}

  @Get()
  @ApiOkResponse({ description: 'Export audit entries, newest first' })
  list(@Query() query: ExportAuditQueryDto): Promise<Page<ExportAuditEntry>> {
    return this.audit.list({ limit: query.limit ?? 20, cursor: query.cursor });
  }
}
