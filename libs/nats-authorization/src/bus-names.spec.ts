import {
  BusNamespace,
  DLQ_STREAM as MESSAGING_DLQ_STREAM,
  DLQ_SUBJECT_ROOT as MESSAGING_DLQ_ROOT,
} from '@mrm/messaging';
import { BusNames, DLQ_STREAM, DLQ_SUBJECT_ROOT } from './bus-names';

// The permissions name streams and subjects as the messaging backbone does; a change there that
// is not made here would lock the services out, so the two are compared.
describe('BusNames', () => {
  it.each(['', 'ns1', 'abc123'])('names streams and subjects like BusNamespace (%p)', (prefix) => {
    const names = new BusNames(prefix);
    const namespace = new BusNamespace(prefix);
    for (const stream of ['REGISTRATION', 'DLQ', 'PARTNERS']) {
      expect(names.stream(stream)).toBe(namespace.stream(stream));
    }
    for (const subject of ['registration.>', 'partners.anapec.responses.>']) {
      expect(names.subject(subject)).toBe(namespace.subject(subject));
    }
  });

  it('uses the dead-letter stream and subjects of the backbone', () => {
    expect([DLQ_STREAM, DLQ_SUBJECT_ROOT]).toEqual([MESSAGING_DLQ_STREAM, MESSAGING_DLQ_ROOT]);
  });

  it('refuses a namespace BusNamespace would refuse', () => {
    expect(() => new BusNames('Bad')).toThrow();
    expect(() => new BusNamespace('Bad')).toThrow();
  });
});
