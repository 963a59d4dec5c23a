import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { SessionsModule } from '../sessions/sessions.module';
import { AttendanceEntity } from './attendance.entity';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';

@Module({
  imports: [TypeOrmModule.forFeature([AttendanceEntity]), SessionsModule, EnrolmentsModule],
  controllers: [AttendanceController],
  providers: [AttendanceService],
  // Completion reads the lines; the XLSX import records sheets.
  exports: [AttendanceService],
})
export class AttendanceModule {}
