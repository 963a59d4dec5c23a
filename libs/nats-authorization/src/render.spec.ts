import { SERVICE_NAMES } from '@mrm/contracts';
import { renderNatsAuthorization, passwordVariableOf } from './render';
import { partnerPermissions, servicePermissions } from './permissions';

const NKEY = 'UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4';

describe('renderNatsAuthorization', () => {
  it('renders one password user per service, the operator and one nkey user per partner', () => {
    const text = renderNatsAuthorization({ partners: [{ code: 'anapec', nkey: NKEY }] });
    for (const service of SERVICE_NAMES) {
      expect(text).toContain(`user: "${service}"`);
      expect(text).toContain(`password: $${passwordVariableOf(service)}`);
      expect(text).toContain(`"_INBOX_${service}.>"`);
    }
    expect(text).toContain('password: $NATS_OPERATOR_PASSWORD');
    expect(text).toContain(`nkey: ${NKEY}`);
    expect(text).toContain('"_INBOX_anapec.>"');
  });

  it('is deterministic whatever the order of the partners', () => {
    const other = { code: 'entraide', nkey: NKEY.replace('UDX', 'UAB') };
    const a = renderNatsAuthorization({ partners: [{ code: 'anapec', nkey: NKEY }, other] });
    const b = renderNatsAuthorization({ partners: [other, { code: 'anapec', nkey: NKEY }] });
    expect(a).toBe(b);
  });

  it('refuses a partner code that is a service or operator name, or not a subject token', () => {
    for (const code of ['training', 'operator', 'A', 'x.y', 'a>']) {
      expect(() => renderNatsAuthorization({ partners: [{ code, nkey: NKEY }] })).toThrow();
    }
    expect(() =>
      renderNatsAuthorization({ partners: [{ code: 'anapec', nkey: 'SUABC' }] }),
    ).toThrow();
  });
});

describe('permissions', () => {
  it('limit a partner to its own consumer, answers and inbox in the namespace', () => {
    expect(partnerPermissions('anapec', 'ns1')).toEqual({
      publish: {
        allow: [
          '$JS.API.CONSUMER.INFO.NS1_PARTNERS.anapec',
          '$JS.API.CONSUMER.MSG.NEXT.NS1_PARTNERS.anapec',
          '$JS.ACK.NS1_PARTNERS.anapec.>',
          'ns1.partners.anapec.responses.>',
        ],
      },
      subscribe: { allow: ['_INBOX_anapec.>'] },
    });
  });

  it('never let a service touch another service durable on a stream it consumes', () => {
    const training = servicePermissions('training');
    expect(training.publish.allow).toContain('$JS.API.CONSUMER.MSG.NEXT.REGISTRATION.training');
    expect(training.publish.deny).toContain('$JS.API.CONSUMER.MSG.NEXT.REGISTRATION.reporting');
    expect(training.publish.deny).toContain('$JS.API.CONSUMER.DELETE.REGISTRATION.referrals');
    expect(training.publish.allow).not.toContain('$JS.API.STREAM.DELETE.REGISTRATION');
    expect(training.publish.allow.some((subject) => subject.includes('REINTEGRATION'))).toBe(false);
  });
});
