import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@mrm/auth';
import { DEFAULT_PAGE_LIMIT } from '@mrm/http';
import { AuditService } from './audit.service';
import { AuditEntryPageDto } from './dto/audit-entry.response.dto';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@Controller({ path: 'audit-entries', version: '1' })
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('auditor', 'admin')
  @ApiOkResponse({ type: AuditEntryPageDto })
  list(@Query() query: AuditQueryDto): Promise<AuditEntryPageDto> {
    return this.audit.list({ ...query, limit: query.limit ?? DEFAULT_PAGE_LIMIT });
  }
}
