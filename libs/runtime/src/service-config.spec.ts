import { ConfigValidationError, loadConfig, ServiceConfig } from './service-config';

describe('loadConfig', () => {
  it('defaults to the local PostgreSQL and NATS with the service port', () => {
    const sut = loadConfig(ServiceConfig, 'reporting', {});

    expect(sut.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/mrm_reporting');
    expect(sut.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(sut.HTTP_PORT).toBe(3005);
    expect(sut.DATABASE_MIGRATE_ON_START).toBe(true);
  });

  it.each([
    ['false', false],
    ['0', false],
    ['no', false],
    ['true', true],
    ['1', true],
  ])('reads DATABASE_MIGRATE_ON_START=%s as %s', (raw, expected) => {
    const sut = loadConfig(ServiceConfig, 'registration', { DATABASE_MIGRATE_ON_START: raw });

    expect(sut.DATABASE_MIGRATE_ON_START).toBe(expected);
  });

  it('converts numbers and ignores empty strings and unknown keys', () => {
    const sut = loadConfig(ServiceConfig, 'training', {
      CONSUMER_MAX_DELIVER: '7',
      HTTP_PORT: '',
      PATH: '/bin',
    });

    expect(sut.CONSUMER_MAX_DELIVER).toBe(7);
    expect(sut.HTTP_PORT).toBe(3002);
    expect((sut as unknown as Record<string, unknown>).PATH).toBeUndefined();
  });

  it('reports every invalid value at once', () => {
    const attempt = () =>
      loadConfig(ServiceConfig, 'training', {
        NATS_URL: 'http://x',
        HTTP_PORT: 'abc',
        LOG_LEVEL: 'loud',
      });

    expect(attempt).toThrow(ConfigValidationError);
    expect(attempt).toThrow(/NATS_URL[\s\S]*HTTP_PORT[\s\S]*LOG_LEVEL|NATS_URL[\s\S]*LOG_LEVEL/);
  });
});
