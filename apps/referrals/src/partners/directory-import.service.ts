import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@mrm/contracts';
import { OutboxWriter } from '@mrm/messaging';
import { Clock } from '@mrm/timers';
import { DataSource, type EntityManager } from 'typeorm';
import { fromHsdsDocument, type ImportedPartner } from './hsds-import';
import { appendPartnerEvent } from './partner-events';
import { PartnerServiceEntity } from './partner-service.entity';
import { applyFields, newService } from './partner-services.service';
import { PartnerEntity } from './partner.entity';

/** How an import changed the directory. */
export interface ImportReport {
  partnersCreated: number;
  partnersUpdated: number;
  servicesCreated: number;
  servicesUpdated: number;
}

/**
 * Imports an HSDS 3 document in one transaction: partners matched by institution code, services
 * by id within their partner; created or updated, each partner announced once.
 */
@Injectable()
export class DirectoryImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async importHsds(document: unknown): Promise<ImportReport> {
    const imported = fromHsdsDocument(document);
    const report = {
      partnersCreated: 0,
      partnersUpdated: 0,
      servicesCreated: 0,
      servicesUpdated: 0,
    };
    await this.dataSource.transaction(async (em) => {
      for (const entry of imported) await this.importOne(em, entry, report);
    });
    return report;
  }

  private async importOne(em: EntityManager, entry: ImportedPartner, report: ImportReport) {
    const { partner: request } = entry;
    const now = this.clock.now();
    const existing = await em.findOne(PartnerEntity, {
      where: { code: request.code },
      lock: { mode: 'pessimistic_write' },
    });
    const partner =
      existing ??
      em.create(PartnerEntity, { id: uuidv7(), code: request.code, version: 0, createdAt: now });
    Object.assign(partner, {
      nameFr: request.names.fr,
      nameAr: request.names.ar ?? null,
      nameEn: request.names.en ?? null,
      kind: request.kind,
      description: request.description ?? null,
      website: request.website ?? null,
      email: request.email ?? null,
      phone: request.phone ?? null,
      active: request.active ?? true,
      version: partner.version + 1,
      updatedAt: now,
    });
    await em.save(PartnerEntity, partner);
    report[existing ? 'partnersUpdated' : 'partnersCreated'] += 1;
    for (const { id, fields } of entry.services) {
      // An id held by another partner's service is not this one's: it gets a new id.
      const taken = id ? await em.findOneBy(PartnerServiceEntity, { id }) : null;
      const found = taken?.partnerId === partner.id ? taken : null;
      const newId = id && !taken ? id : uuidv7();
      const service = found ?? newService({ id: newId, partnerId: partner.id, now });
      applyFields(service, fields);
      if (found) Object.assign(service, { version: found.version + 1, updatedAt: now });
      await em.save(PartnerServiceEntity, service);
      report[found ? 'servicesUpdated' : 'servicesCreated'] += 1;
    }
    await appendPartnerEvent({ em, outbox: this.outbox, partner, registered: !existing });
  }
}
