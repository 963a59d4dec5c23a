// Arabic script → the Latin spelling Moroccan civil status and French-speaking case workers would
// use, tuned so that the phonetic key of the result equals the key of common Latin spellings. It is
// not a scholarly romanisation: short vowels are not written in Arabic, so none are invented.

const LETTERS: Readonly<Record<string, string>> = {
  '\u0621': '', // ء hamza
  '\u0622': 'a', // آ
  '\u0623': 'a', // أ
  '\u0624': 'ou', // ؤ
  '\u0625': 'i', // إ
  '\u0626': 'i', // ئ
  '\u0627': 'a', // ا
  '\u0628': 'b', // ب
  '\u0629': 'a', // ة ta marbuta: the feminine ending, "Fatima", "Khadija"
  '\u062A': 't', // ت
  '\u062B': 't', // ث as pronounced in Morocco: "Othmane", "Kaoutar"
  '\u062C': 'j', // ج
  '\u062D': 'h', // ح
  '\u062E': 'kh', // خ
  '\u062F': 'd', // د
  '\u0630': 'd', // ذ
  '\u0631': 'r', // ر
  '\u0632': 'z', // ز
  '\u0633': 's', // س
  '\u0634': 'ch', // ش French convention: "Aicha", "Rachid"
  '\u0635': 's', // ص
  '\u0636': 'd', // ض
  '\u0637': 't', // ط
  '\u0638': 'z', // ظ
  '\u0639': 'a', // ع written as a vowel in Latin: "Aicha", "Messaoud", "Saad"
  '\u063A': 'gh', // غ
  '\u0641': 'f', // ف
  '\u0642': 'q', // ق
  '\u0643': 'k', // ك
  '\u0644': 'l', // ل
  '\u0645': 'm', // م
  '\u0646': 'n', // ن
  '\u0647': 'h', // ه
  '\u0648': 'ou', // و French convention: "Youssef", "Oualid", "Daoud"
  '\u0649': 'a', // ى alif maqsura: "Moussa", "Mustapha"
  '\u064A': 'i', // ي (word-initial: y)
  '\u0671': 'a', // ٱ alif wasla
  '\u067E': 'p', // پ
  '\u0686': 'ch', // چ
  '\u0698': 'j', // ژ
  '\u06A2': 'f', // ڢ Maghrebi fa
  '\u06A4': 'v', // ڤ
  '\u06A5': 'v', // ڥ Maghrebi ve
  '\u06A7': 'q', // ڧ Maghrebi qaf
  '\u06A8': 'g', // ڨ Algerian/Tunisian gaf
  '\u06A9': 'k', // ک
  '\u06AD': 'g', // ڭ Moroccan gaf: "Agadir", Amazigh names
  '\u06AF': 'g', // گ
  '\u06CC': 'i', // ی Persian ya
};

const YA = new Set(['\u064A', '\u06CC']);
const AYN = '\u0639';
const HA = '\u0647';
const ARTICLE = '\u0627\u0644'; // ال
const ABD = '\u0639\u0628\u062F'; // عبد
const SON_OF = new Set(['\u0628\u0646', '\u0627\u0628\u0646']); // بن, ابن
// Names that begin with ال but carry no article, as commonly written without hamza.
const NOT_AN_ARTICLE = new Set([
  '\u0627\u0644\u064A\u0627\u0633', // الياس Ilyas
  '\u0627\u0644\u0647\u0627\u0645', // الهام Ilham
]);
// Vowel signs, shadda, sukun, superscript alif, Quranic marks and the tatweel carry no letter.
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/gu;

/** One run of Arabic letters (no spaces) → Latin, possibly several words (`عبدالقادر` → `abd qadr`). */
export function transliterateArabicWord(word: string): string {
  const letters = word.replace(MARKS, '');
  return splitCompound(letters)
    .map((part) => transliterateLetters(dropArticle(part)))
    .filter((part) => part.length > 0)
    .join(' ');
}

function splitCompound(word: string): string[] {
  // عبدالله, عبدالقادر are often written as one word; the Latin rules then merge them back.
  if (word.startsWith(ABD) && word.length >= ABD.length + 2) {
    return [ABD, word.slice(ABD.length)];
  }
  return [word];
}

function dropArticle(word: string): string {
  if (word.startsWith(ARTICLE) && word.length >= ARTICLE.length + 2 && !NOT_AN_ARTICLE.has(word)) {
    return word.slice(ARTICLE.length);
  }
  return word;
}

function transliterateLetters(word: string): string {
  if (SON_OF.has(word)) {
    return 'ben';
  }
  const chars = [...word];
  return chars
    .map((char, index) => {
      const last = index === chars.length - 1;
      if (index === 0 && YA.has(char)) {
        return 'y';
      }
      if (last && char === AYN && index > 0) {
        // A final ʿayn is silent in Latin spellings: ربيع "Rabie", "Rabii".
        return '';
      }
      if (last && char === HA && index > 0 && !isVowelLetter(chars[index - 1])) {
        // A final h after a consonant follows an unwritten long a: الله "Allah", طه "Taha".
        return 'ah';
      }
      return LETTERS[char] ?? ' ';
    })
    .join('');
}

function isVowelLetter(char: string): boolean {
  return char === '\u0627' || char === '\u0648' || YA.has(char) || char === '\u0649';
}
