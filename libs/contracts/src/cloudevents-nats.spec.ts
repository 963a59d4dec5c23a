import {
  CloudEventDecodeError,
  fromBinaryMessage,
  percentDecodeHeaderValue,
  percentEncodeHeaderValue,
  toBinaryHeaders,
} from './cloudevents-nats';
import { beneficiaryRegisteredV1 } from './registration/beneficiary-registered.v1';

const data = {
  beneficiaryId: '0192f7a0-0000-7000-8000-000000000001',
  reference: 'MA-2026-000001',
  ownerOrg: 'IOM',
  category: 'returning-moroccan',
  sex: 'female',
  birthYear: 1990,
  nationality: 'MA',
  regionCode: '05',
  version: 1,
  registeredAt: '2026-11-23T10:00:00.000Z',
};

describe('CloudEvents binary mode over NATS', () => {
  it('maps every attribute to a ce- header and sets Nats-Msg-Id to the event id', () => {
    const envelope = beneficiaryRegisteredV1.build(data, {
      subject: data.beneficiaryId,
      correlationId: 'corr-1',
      causationId: 'cause-1',
    });

    const sut = toBinaryHeaders(envelope);

    expect(sut).toEqual({
      'ce-id': envelope.id,
      'ce-source': '/mrm/registration',
      'ce-type': 'beneficiary.registered.v1',
      'ce-specversion': '1.0',
      'ce-time': envelope.time,
      'ce-subject': data.beneficiaryId,
      'ce-datacontenttype': 'application/json',
      'ce-correlationid': 'corr-1',
      'ce-causationid': 'cause-1',
      'Nats-Msg-Id': envelope.id,
    });
  });

  it.each([
    ['plain-ascii_1.0', 'plain-ascii_1.0'],
    ['with space', 'with%20space'],
    ['Béni Mellal', 'B%C3%A9ni%20Mellal'],
    ['quote " and percent %', 'quote%20%22%20and%20percent%20%25'],
    ['بني ملال', '%D8%A8%D9%86%D9%8A%20%D9%85%D9%84%D8%A7%D9%84'],
  ])('percent-encodes %j as %j and back', (raw, encoded) => {
    expect(percentEncodeHeaderValue(raw)).toBe(encoded);
    expect(percentDecodeHeaderValue(encoded)).toBe(raw);
  });

  it('round-trips an envelope through headers and body', () => {
    const envelope = beneficiaryRegisteredV1.build(data, {
      subject: data.beneficiaryId,
      correlationId: 'dossier Béni',
    });
    const headers = toBinaryHeaders(envelope);

    const sut = fromBinaryMessage(
      (name) => headers[name],
      Buffer.from(JSON.stringify(envelope.data)),
    );

    expect(sut).toEqual(envelope);
  });

  it('refuses a message without the required attributes or with a body that is not JSON', () => {
    const headers = toBinaryHeaders(
      beneficiaryRegisteredV1.build(data, { subject: 'x', correlationId: 'c' }),
    );

    expect(() => fromBinaryMessage(() => undefined, Buffer.from('{}'))).toThrow(
      CloudEventDecodeError,
    );
    expect(() => fromBinaryMessage((name) => headers[name], Buffer.from('{oops'))).toThrow(
      'body is not valid JSON',
    );
    expect(() =>
      fromBinaryMessage(
        (name) => (name === 'ce-specversion' ? '0.3' : headers[name]),
        Buffer.from('{}'),
      ),
    ).toThrow('specversion');
  });
});
