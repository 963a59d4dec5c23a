import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@mrm/auth';
import { ApiProblemResponses } from '@mrm/http';
import type { Response } from 'express';
import { IndicatorQueryDto } from '../indicators/dto/indicator.query.dto';
import { Dhis2ExportQueryDto } from './dto/dhis2-export.query.dto';
import { DonorReportQueryDto } from './dto/donor-report.query.dto';
import type { Dhis2DataValueSet } from './dhis2/data-value-set';
import { ExportsService, type ExportFile } from './exports.service';

/** Files leave the platform: figures are always the publishable (suppressed) ones. */
@ApiTags('exports')
@Controller({ path: 'exports', version: '1' })
@Roles('analyst', 'coordinator', 'admin')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('indicators/:id.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'RFC 4180 CSV, one row per group and the total' })
  @ApiProblemResponses(400, 404)
  async csv(
    @Param('id') id: string,
    @Query() query: IndicatorQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    return download(
      await this.exports.indicator({ principal, indicatorId: id, format: 'csv', params: query }),
    );
  }

  @Get('indicators/:id.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The figures, then the query and freshness on a second sheet' })
  @ApiProblemResponses(400, 404)
  async xlsx(
    @Param('id') id: string,
    @Query() query: IndicatorQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    return download(
      await this.exports.indicator({ principal, indicatorId: id, format: 'xlsx', params: query }),
    );
  }

  @Get('donor-report.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'One sheet per section, French and English labels' })
  @ApiProblemResponses(400)
  async donorReportXlsx(
    @Query() query: DonorReportQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    return download(await this.exports.donorReport({ principal, format: 'xlsx', ...query }));
  }

  @Get('donor-report.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The donor report as an A4 PDF' })
  @ApiProblemResponses(400)
  async donorReportPdf(
    @Query() query: DonorReportQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    return download(await this.exports.donorReport({ principal, format: 'pdf', ...query }));
  }

  @Get('dhis2/data-value-sets.json')
  @ApiOkResponse({
    description: 'DHIS2 dataValueSets (codes): POST to /api/dataValueSets?idScheme=CODE',
  })
  @ApiProblemResponses(400)
  async dhis2(
    @Query() query: Dhis2ExportQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Dhis2DataValueSet> {
    const result = await this.exports.dhis2({ principal, ...query });
    response.setHeader(
      'content-disposition',
      `attachment; filename="data-value-sets-${query.period}.json"`,
    );
    response.setHeader('x-suppressed-cells', String(result.suppressed));
    response.setHeader('x-unmapped-cells', String(result.unmapped));
    return result.dataValueSet;
  }
}

function download(file: ExportFile): StreamableFile {
  return new StreamableFile(file.body, {
    type: file.contentType,
    disposition: `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    length: file.body.length,
  });
}
