import type { Options } from 'pino-http';
import { buildLoggerParams, pathOf, safeError } from './logger-options';

describe('what the logs may hold', () => {
  const [options] = buildLoggerParams('registration', 'info').pinoHttp as [Options];
  const serializers = options.serializers as Record<string, (value: unknown) => unknown>;

  it('logs a request by its path, never its query string', () => {
    const logged = serializers.req({
      id: 'c1',
      method: 'GET',
      url: '/api/v1/beneficiaries?phone=%2B212612345678&lastName=Alaoui',
    });

    expect(logged).toEqual({ id: 'c1', method: 'GET', url: '/api/v1/beneficiaries' });
    expect(pathOf(undefined)).toBe('');
  });

  it('logs a response by its status only', () => {
    expect(serializers.res({ statusCode: 201, headers: { location: '/x' } })).toEqual({
      statusCode: 201,
    });
  });

  it("keeps a database error's code and constraint, not its parameters or detail", () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      constraint: 'beneficiary_phone_key',
      detail: 'Key (phone)=(+212612345678) already exists.',
      parameters: ['Fatima', 'Alaoui', '+212612345678'],
      query: 'INSERT INTO beneficiary …',
    });

    const logged = safeError(error);

    expect(logged).toMatchObject({
      type: 'Error',
      code: '23505',
      constraint: 'beneficiary_phone_key',
    });
    expect(JSON.stringify(logged)).not.toContain('212612345678');
    expect(serializers.err).toBe(safeError);
  });
});
