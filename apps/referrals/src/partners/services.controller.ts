import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@mrm/auth';
import { CreatedResource, Idempotent, IfMatchVersion, WithETag } from '@mrm/http';
import { CreateServiceRequestDto } from './dto/create-service.request.dto';
import { ListServicesQueryDto } from './dto/list-services.query.dto';
import {
  ServicePageResponseDto,
  ServiceResponseDto,
  toServicePageResponse,
  toServiceResponse,
} from './dto/service.response.dto';
import { UpdateServiceRequestDto } from './dto/update-service.request.dto';
import { UuidParamDto } from './dto/uuid-param.dto';
import { PartnerServicesService } from './partner-services.service';

/** Partners' services (HSDS services): type, coverage, eligibility, languages, capacity. */
@ApiTags('services')
@Controller({ path: 'services', version: '1' })
@Roles('referral-officer', 'case-worker', 'coordinator')
export class ServicesController {
  constructor(private readonly services: PartnerServicesService) {}

  @Post()
  @HttpCode(201)
  @Roles('coordinator')
  @ApiCreatedResponse({ type: ServiceResponseDto })
  @CreatedResource()
  @Idempotent()
  async create(@Body() body: CreateServiceRequestDto): Promise<ServiceResponseDto> {
    return toServiceResponse(await this.services.create({ request: body }));
  }

  @Get()
  @ApiOkResponse({ type: ServicePageResponseDto })
  async list(@Query() query: ListServicesQueryDto): Promise<ServicePageResponseDto> {
    return toServicePageResponse(await this.services.list(query));
  }

  @Get(':id')
  @WithETag()
  @ApiOkResponse({ type: ServiceResponseDto })
  async get(@Param() { id }: UuidParamDto): Promise<ServiceResponseDto> {
    return toServiceResponse(await this.services.get({ serviceId: id }));
  }

  @Patch(':id')
  @Roles('coordinator')
  @WithETag()
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The ETag being edited',
    example: '"3"',
  })
  @ApiOkResponse({ type: ServiceResponseDto })
  async update(
    @Param() { id }: UuidParamDto,
    @Body() patch: UpdateServiceRequestDto,
    @IfMatchVersion() expectedVersion: number | undefined,
  ): Promise<ServiceResponseDto> {
    return toServiceResponse(await this.services.update({ serviceId: id, patch, expectedVersion }));
  }
}
