import PDFDocument from 'pdfkit';

export const CERTIFICATE_LANGUAGES = ['fr', 'ar'] as const;
export type CertificateLanguage = (typeof CERTIFICATE_LANGUAGES)[number];

/** What a certificate states: no name, the beneficiary appears by roster reference. */
export interface CertificateContent {
  readonly courseTitle: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly hoursAttended: string;
  readonly beneficiaryReference: string;
  readonly organisingOrg: string;
}

// DejaVu Sans has Latin and Arabic glyphs; fontkit shapes the Arabic (joined letter forms).
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

// Arabic labels and Latin values sit on separate lines: pdfkit has no bidi algorithm for mixed lines.
const LABELS: Record<CertificateLanguage, Record<keyof CertificateContent | 'heading', string>> = {
  fr: {
    heading: 'Attestation de formation',
    courseTitle: 'Formation',
    startsOn: 'Du',
    endsOn: 'Au',
    hoursAttended: 'Heures suivies',
    beneficiaryReference: 'Référence du bénéficiaire',
    organisingOrg: 'Institution',
  },
  ar: {
    heading: 'شهادة تكوين',
    courseTitle: 'التكوين',
    startsOn: 'من',
    endsOn: 'إلى',
    hoursAttended: 'الساعات المتابعة',
    beneficiaryReference: 'مرجع المستفيد',
    organisingOrg: 'المؤسسة',
  },
};

const FIELDS: ReadonlyArray<keyof CertificateContent> = [
  'courseTitle',
  'startsOn',
  'endsOn',
  'hoursAttended',
  'beneficiaryReference',
  'organisingOrg',
];

// pdfkit shapes and mirrors each word but places words left to right: an Arabic line is given
// with its words reversed so that it reads right to left.
const rightToLeft = (line: string): string => line.split(' ').reverse().join(' ');

/** A one-page A4 certificate in French or Arabic. */
export function renderCertificate(
  content: CertificateContent,
  language: CertificateLanguage,
): Promise<Buffer> {
  const labels = language === 'ar' ? mapValues(LABELS.ar, rightToLeft) : LABELS.fr;
  const align = language === 'ar' ? 'right' : 'left';
  const doc = new PDFDocument({ size: 'A4', margin: 72, info: { Title: labels.heading } });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(FONT).fontSize(22).text(labels.heading, { align: 'center' }).moveDown(2);
  for (const field of FIELDS) {
    doc.fontSize(11).fillColor('#555555').text(labels[field], { align });
    doc.fontSize(14).fillColor('#000000').text(content[field], { align }).moveDown(0.8);
  }
  doc.end();
  return done;
}

function mapValues<K extends string>(
  record: Record<K, string>,
  map: (value: string) => string,
): Record<K, string> {
  return Object.fromEntries(Object.entries<string>(record).map(([k, v]) => [k, map(v)])) as Record<
    K,
    string
  >;
}
