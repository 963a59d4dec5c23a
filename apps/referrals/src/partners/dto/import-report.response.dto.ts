import { ApiProperty } from '@nestjs/swagger';

export class ImportReportResponseDto {
  @ApiProperty() readonly partnersCreated: number;
  @ApiProperty() readonly partnersUpdated: number;
  @ApiProperty() readonly servicesCreated: number;
  @ApiProperty() readonly servicesUpdated: number;
}
