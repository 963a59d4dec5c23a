import {
  Catch,
  Controller,
  Get,
  type ArgumentsHost,
  type ExceptionFilter,
  type INestApplication,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DomainError } from '@mrm/errors';
import request from 'supertest';
import { AuthModule } from './auth.module';
import { CurrentPrincipal } from './current-principal.decorator';
import { signDevToken } from './dev-token.signer';
import type { Principal, Role } from './principal';
import { Public } from './public.decorator';
import { Roles } from './roles.decorator';

const SECRET = 'module-test-secret-0123456789abcdef';

@Controller('cases')
class CasesController {
  @Public()
  @Get('health')
  health(): { status: string } {
    return { status: 'ok' };
  }

  @Get('me')
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Roles('case-worker', 'referral-officer')
  @Get()
  list(): string[] {
    return [];
  }
}

@Roles('analyst')
@Controller('reports')
class ReportsController {
  @Get()
  list(): string[] {
    return [];
  }

  @Roles('trainer')
  @Get('training')
  training(): string[] {
    return [];
  }
}

interface ResponseLike {
  setHeader(name: string, value: string): void;
  status(code: number): { json(body: unknown): void };
}

// Stands in for the problem+json filter of libs/http: only status and WWW-Authenticate matter here.
@Catch(DomainError)
class StatusFilter implements ExceptionFilter {
  catch(error: DomainError & { wwwAuthenticate?: string }, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<ResponseLike>();
    if (error.wwwAuthenticate) {
      response.setHeader('WWW-Authenticate', error.wwwAuthenticate);
    }
    response.status(error.status).json({ code: error.code });
  }
}

const bearer = (...roles: Role[]): string =>
  `Bearer ${signDevToken({ sub: 'alice', org: 'IOM', roles, secret: SECRET, ttlSeconds: 60 })}`;

describe('AuthModule guards over HTTP', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ jwtSecret: SECRET })],
      controllers: [CasesController, ReportsController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalFilters(new StatusFilter());
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  it('returns 401 with a bare Bearer challenge when no token is sent', async () => {
    const response = await request(app.getHttpServer()).get('/cases/me');

    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('returns 401 with invalid_token for a bad token', async () => {
    const response = await request(app.getHttpServer())
      .get('/cases/me')
      .set('Authorization', 'Bearer abc.def.ghi');

    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token"/);
  });

  it('returns 401 for another authorization scheme', async () => {
    const response = await request(app.getHttpServer())
      .get('/cases/me')
      .set('Authorization', 'Basic YWxpY2U6c2VjcmV0');

    expect(response.status).toBe(401);
  });

  it('returns 401 for an expired token', async () => {
    const token = signDevToken({
      sub: 'a',
      org: 'IOM',
      roles: ['admin'],
      secret: SECRET,
      ttlSeconds: -5,
    });

    const response = await request(app.getHttpServer())
      .get('/cases/me')
      .set('Authorization', `Bearer ${token}`);

    expect(response.status).toBe(401);
  });

  it('lets a @Public() route through without a token', async () => {
    const response = await request(app.getHttpServer()).get('/cases/health');

    expect(response.status).toBe(200);
  });

  it('injects the principal with @CurrentPrincipal()', async () => {
    const response = await request(app.getHttpServer())
      .get('/cases/me')
      .set('Authorization', bearer('trainer'));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ sub: 'alice', org: 'IOM', roles: ['trainer'] });
  });

  it.each<[string, Role[], number]>([
    ['/cases', ['referral-officer'], 200],
    ['/cases', ['trainer', 'analyst'], 403],
    ['/cases', ['admin'], 200],
    ['/reports', ['analyst'], 200],
    ['/reports', ['case-worker'], 403],
    ['/reports/training', ['trainer'], 200],
    ['/reports/training', ['analyst'], 403],
    ['/reports/training', ['admin'], 200],
  ])('GET %s with roles %p returns %i', async (path, roles, status) => {
    const response = await request(app.getHttpServer())
      .get(path)
      .set('Authorization', bearer(...roles));

    expect(response.status).toBe(status);
  });
});

describe('AuthModule.forRootAsync', () => {
  it('builds the options with the factory', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRootAsync({ useFactory: () => ({ jwtSecret: SECRET }) })],
      controllers: [CasesController],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();

    const response = await request(app.getHttpServer())
      .get('/cases/me')
      .set('Authorization', bearer('trainer'));

    expect(response.status).toBe(200);
    await app.close();
  });

  it('fails at boot without a secret or JWKS URL', async () => {
    const compiling = Test.createTestingModule({ imports: [AuthModule.forRoot({})] }).compile();

    await expect(compiling).rejects.toThrow(/jwksUrl|jwtSecret/);
  });
});
