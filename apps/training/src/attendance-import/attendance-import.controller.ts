import {
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { CourseIdParamDto } from '../courses/dto/course-id-param.dto';
import { AttendanceImportError } from './attendance-import.errors';
import { AttendanceImportService } from './attendance-import.service';
import { MAX_IMPORT_BYTES } from './attendance-workbook';
import {
  AttendanceImportReportDto,
  toAttendanceImportReport,
} from './dto/attendance-import-report.response.dto';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('attendance')
@Controller({ path: 'courses/:id', version: '1' })
@Roles('coordinator', 'trainer')
export class AttendanceImportController {
  constructor(private readonly imports: AttendanceImportService) {}

  @Get('attendance-template')
  @Header('Content-Type', XLSX_MIME)
  @Header('Content-Disposition', 'attachment; filename="attendance.xlsx"')
  @ApiProduces(XLSX_MIME)
  async template(
    @Param() { id }: CourseIdParamDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    return new StreamableFile(await this.imports.template({ principal, courseId: id }));
  }

  @Post('attendance-imports')
  @HttpCode(200)
  // In memory: at most 2 MB, read once, never stored.
  // The form holds the file alone: a flood of fields or headers is refused before it is buffered.
  @UseInterceptors(
    FileInterceptor('file', {
      limits: {
        fileSize: MAX_IMPORT_BYTES,
        files: 1,
        fields: 4,
        fieldNameSize: 100,
        fieldSize: 1024,
        parts: 5,
        headerPairs: 20,
      },
    }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOkResponse({
    type: AttendanceImportReportDto,
    description: 'Per row and per session (200 even if rows fail)',
  })
  async run(
    @Param() { id }: CourseIdParamDto,
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AttendanceImportReportDto> {
    if (!file) throw new AttendanceImportError('ATTENDANCE_IMPORT_FILE_MISSING');
    return toAttendanceImportReport(
      await this.imports.run({ principal, courseId: id, file: file.buffer }),
    );
  }
}
