import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { SessionIdParamDto } from '../sessions/dto/session-id-param.dto';
import { AttendanceService } from './attendance.service';
import { AttendanceSheetRequestDto } from './dto/attendance-sheet.request.dto';
import {
  AttendanceSheetResponseDto,
  toAttendanceSheetResponse,
} from './dto/attendance-sheet.response.dto';

@ApiTags('attendance')
@Controller({ path: 'sessions/:id/attendance', version: '1' })
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Put()
  @Roles('coordinator', 'trainer')
  @ApiOkResponse({ type: AttendanceSheetResponseDto })
  async record(
    @Param() { id }: SessionIdParamDto,
    @Body() body: AttendanceSheetRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AttendanceSheetResponseDto> {
    return toAttendanceSheetResponse(
      await this.attendance.record({ principal, sessionId: id, entries: body.entries }),
    );
  }

  @Get()
  @Roles('coordinator', 'case-worker', 'trainer')
  @ApiOkResponse({ type: AttendanceSheetResponseDto })
  async get(
    @Param() { id }: SessionIdParamDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AttendanceSheetResponseDto> {
    return toAttendanceSheetResponse(await this.attendance.get({ principal, sessionId: id }));
  }
}
