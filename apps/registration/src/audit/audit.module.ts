import { Module } from '@nestjs/common';
import { AuditErasureService } from './audit-erasure.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** The audit trail of personal data; other features record through `AuditService`. */
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditErasureService],
  exports: [AuditService, AuditErasureService],
})
export class AuditModule {}
