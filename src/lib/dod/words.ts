/**
 * Finding the vocabulary's words in an author's text, in linear time: `indexOf` for each word of a
 * fixed list, never a pattern built from the text or a regular expression that could backtrack. A
 * results table cell or a DoD line is hostile input of up to 10,000 characters (the content policy's
 * paragraph limit), and this runs on every reading.
 */

/** The text as the words are matched: NFKC (full-width `％：，` become `%:,`), lower case. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const isLatinLetter = (c: string | undefined) => c !== undefined && c >= 'a' && c <= 'z';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isWordChar = (c: string | undefined) => isLatinLetter(c) || isDigit(c) || c === '_';

/**
 * Whether a Latin word found at [start, end) stands alone: `up` not in `warm-up` or `upper`, `io`
 * not in `ratio`, `p99` not in `p99.9`. A word that starts or ends with another character (`i/o`,
 * `/s`, `≥`) is bounded by that character; Chinese words need no boundary.
 */
function standsAlone(text: string, start: number, end: number, word: string): boolean {
  if (isWordChar(word[0])) {
    const before = text[start - 1];
    if (isWordChar(before)) return false;
    if (before === '-' && isLatinLetter(text[start - 2])) return false;
  }
  if (isWordChar(word[word.length - 1])) {
    const after = text[end];
    if (isWordChar(after)) return false;
    if (after === '-' && isLatinLetter(text[end + 1])) return false;
    if (after === '.' && isDigit(text[end + 1])) return false;
  }
  return true;
}

export interface WordMatch {
  start: number;
  end: number;
  word: string;
}

/** Every place a word stands in the (normalised) text, overlapping ones included. */
export function occurrences(text: string, word: string): WordMatch[] {
  const found: WordMatch[] = [];
  if (word === '') return found;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (standsAlone(text, at, at + word.length, word)) found.push({ start: at, end: at + word.length, word });
  }
  return found;
}

/**
 * Which groups of words a text uses, each character counted once, longer words first: in `不超过`
 * the `超过` of another group is not found again, nor `more than` inside `no more than`.
 */
export function wordGroupsIn<K extends string>(text: string, groups: Readonly<Record<K, readonly string[]>>): Set<K> {
  const words = (Object.keys(groups) as K[]).flatMap((group) => groups[group].map((word) => ({ group, word })));
  words.sort((a, b) => b.word.length - a.word.length);
  const taken = new Uint8Array(text.length);
  const found = new Set<K>();
  for (const { group, word } of words) {
    for (const match of occurrences(text, word)) {
      let free = true;
      for (let i = match.start; i < match.end && free; i++) free = taken[i] === 0;
      if (!free) continue;
      taken.fill(1, match.start, match.end);
      found.add(group);
    }
  }
  return found;
}
