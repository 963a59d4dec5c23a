import { Module } from '@nestjs/common';
import { ConsentsService } from './consents.service';

/** The read model of registration's consents, checked before a referral goes out. */
@Module({ providers: [ConsentsService], exports: [ConsentsService] })
export class ConsentsModule {}
