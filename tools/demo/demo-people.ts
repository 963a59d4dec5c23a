import { addDays, type DemoRandom } from './demo-random';

/** One person of the demonstration, as the registration API takes them, plus the story's facts. */
export interface DemoPerson {
  readonly n: number;
  readonly body: Record<string, unknown>;
  readonly category: string;
  readonly regionCode: string;
  /** The day they came back (returnees) or entered the programme (others). */
  readonly arrivedOn: string;
}

// The programme's population: mostly returnees, as in MoTuSe and FORAS.
const CATEGORY_WEIGHTS = {
  'returning-moroccan': 40,
  'foreign-avrr': 22,
  'regularised-immigrant': 18,
  'moroccan-abroad': 8,
  'labour-migration-candidate': 12,
} as const;

// Béni Mellal-Khénifra and Casablanca-Settat first (COOPI, COSPE, ICS), then the others.
const REGION_WEIGHTS = { '05': 30, '06': 22, '04': 16, '01': 12, '07': 10, '09': 6, '02': 4 };

const AVRR_ORIGINS = ['BF', 'CM', 'CI', 'GN', 'ML', 'CD', 'SN', 'TG'];
const IMMIGRANT_NATIONALITIES = ['SN', 'CI', 'CM', 'GN', 'ML', 'NG', 'SY', 'YE'];

const FIRST_NAMES = {
  moroccan: {
    female: ['Fatima', 'Khadija', 'Aicha', 'Naima', 'Samira', 'Hanane', 'Meryem', 'Zineb', 'Salma'],
    male: ['Mohamed', 'Youssef', 'Said', 'Hicham', 'Rachid', 'Abdelaziz', 'Omar', 'Karim', 'Anas'],
  },
  foreign: {
    female: ['Aminata', 'Mariam', 'Fatoumata', 'Awa', 'Grace', 'Esther', 'Adjoa', 'Ramatou'],
    male: ['Moussa', 'Ibrahima', 'Mamadou', 'Koffi', 'Serge', 'Ousmane', 'Yao', 'Boubacar'],
  },
};

// Family names are made unique (the duplicate detector would rightly stop two "Fatima Alaoui"
// born the same year): syllables whose consonants its phonetic keys keep apart.
const SYLLABLES = ['ba', 'ka', 'da', 'fa', 'la', 'ma', 'na', 'ra', 'sa', 'ta'];

function familyName(n: number): string {
  const word = String(n)
    .padStart(6, '0')
    .split('')
    .map((digit) => SYLLABLES[Number(digit)])
    .join('');
  return `Demo${word}`;
}

/** The demonstration's people, the same for the same seed and offset. */
export function demoPeople(input: {
  random: DemoRandom;
  count: number;
  offset: number;
  programmeCode: string;
  year: number;
}): DemoPerson[] {
  const { random } = input;
  return Array.from({ length: input.count }, (_, index) => {
    const n = input.offset + index;
    const category = random.weighted(CATEGORY_WEIGHTS);
    const sex = random.chance(0.46) ? 'female' : 'male';
    const moroccan = ['returning-moroccan', 'moroccan-abroad', 'labour-migration-candidate'];
    const nationality = moroccan.includes(category)
      ? 'MA'
      : random.pick(category === 'foreign-avrr' ? AVRR_ORIGINS : IMMIGRANT_NATIONALITIES);
    const regionCode = random.weighted(REGION_WEIGHTS);
    // Ages from 16 to 63, most between 22 and 40.
    const age = Math.min(63, 16 + random.int(0, 12) + random.int(0, 12) + random.int(0, 24));
    const birthDate = `${input.year - age}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
    const arrivedOn = addDays(`${input.year}-01-05`, random.int(0, 300));
    const names = FIRST_NAMES[nationality === 'MA' ? 'moroccan' : 'foreign'][sex];
    const body: Record<string, unknown> = {
      firstName: random.pick(names),
      lastName: familyName(n),
      category,
      sex,
      birthDate,
      nationality,
      regionCode,
      programmeCode: input.programmeCode,
      languages: nationality === 'MA' ? ['ar', 'fr'] : ['fr'],
      ...(category === 'foreign-avrr' ? { returnCountry: nationality } : {}),
    };
    return { n, body, category, regionCode, arrivedOn };
  });
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
