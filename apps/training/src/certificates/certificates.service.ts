import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { DataSource } from 'typeorm';
import { assertCanEnrol } from '../courses/course-access';
import { CoursesService } from '../courses/courses.service';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { renderCertificate, type CertificateLanguage } from './certificate-pdf';
import { CertificateError } from './certificate.errors';

@Injectable()
export class CertificatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly courses: CoursesService,
    private readonly enrolments: EnrolmentsService,
  ) {}

  /** The completion certificate of an enrolment, for those who follow the course's participants. */
  async render(input: {
    principal: Principal;
    courseId: string;
    enrolmentId: string;
    language: CertificateLanguage;
  }): Promise<Buffer> {
    const course = await this.courses.get(input);
    assertCanEnrol(input.principal, course);
    const enrolment = await this.enrolments.findInCourse(
      this.dataSource.manager,
      course.id,
      input.enrolmentId,
    );
    if (enrolment.outcome !== 'completed' || enrolment.beneficiaryId === null) {
      throw new CertificateError('CERTIFICATE_NOT_AVAILABLE');
    }
    return renderCertificate(
      {
        courseTitle: course.title,
        startsOn: course.startsOn,
        endsOn: course.endsOn,
        hoursAttended: enrolment.hoursAttended!,
        beneficiaryReference: enrolment.beneficiaryId,
        organisingOrg: course.organisingOrg,
      },
      input.language,
    );
  }
}
