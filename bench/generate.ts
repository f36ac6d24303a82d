/**
 * A seeded generator of realistic synthetic papers. The same seed and index always give the same paper, so a library
 * of any size is reproducible and its first 10,000 papers are the 10,000-paper library. Word frequencies follow Zipf's
 * law over the real vocabulary (then an invented tail), so the index has rare, mid, common and very common terms.
 */
import type { ReadingStatus } from '../shared/types';
import { loadVocabulary, type Vocabulary } from './vocab';

export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 20260601;

export interface SyntheticPaper {
  arxiv: string;
  title: string;
  abstract: string;
  /** Full names, "Given Family". */
  authors: string[];
  /** ISO date, YYYY-MM-DD. */
  published: string;
  tags: string[];
  note: string;
  status: ReadingStatus;
  starred: boolean;
}

/** mulberry32: small, fast, good enough for synthetic text; seeded per paper so papers are independent. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Samples ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s, by binary search over the CDF. */
export class Zipf {
  private readonly cdf: Float64Array;
  constructor(n: number, s: number) {
    this.cdf = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) this.cdf[i] = sum += 1 / Math.pow(i + 1, s);
    for (let i = 0; i < n; i++) this.cdf[i]! /= sum;
  }
  sample(random: () => number): number {
    const u = random();
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const STATUSES: [ReadingStatus, number][] = [
  ['new', 0.7],
  ['to-read', 0.1],
  ['reading', 0.05],
  ['read', 0.12],
  ['skipped', 0.03],
];
const TAG_COUNTS = [0.3, 0.3, 0.2, 0.12, 0.08];
/** The months papers are spread over: January 2015 to December 2026. */
const FIRST_YEAR = 2015;
const MONTHS = 12 * 12;

function pick<T>(weighted: [T, number][], u: number): T {
  let acc = 0;
  for (const [value, weight] of weighted) if (u < (acc += weight)) return value;
  return weighted[weighted.length - 1]![0];
}

/** Words titles mostly do without: title words are drawn like abstract words, but rarely these. */
const FUNCTION_WORDS = new Set(
  'the and of to a in we for with that on this our is by as from an are can be which it these its or at while such'.split(
    ' ',
  ),
);

const capitalize = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

export class PaperGenerator {
  private readonly vocab: Vocabulary;
  private readonly words: Zipf;
  private readonly pairs: Zipf;
  /** Titles lean less on the most frequent words than abstracts do. */
  private readonly titleWords: Zipf;
  private readonly people: Zipf;
  private readonly tagNames: string[];
  private readonly tagZipf: Zipf;

  constructor(
    private readonly size: number,
    private readonly seed = DEFAULT_SEED,
  ) {
    this.vocab = loadVocabulary();
    this.words = new Zipf(this.vocab.words.length, 1.08);
    this.pairs = new Zipf(this.vocab.pairs.length, 1.0);
    this.titleWords = new Zipf(this.vocab.words.length, 1.0);
    this.people = new Zipf(this.vocab.givenNames.length * this.vocab.familyNames.length, 0.6);
    this.tagNames = this.vocab.words
      .slice(60, 3000)
      .filter((w) => w.length >= 5 && !/\d/.test(w))
      .slice(0, 300);
    this.tagZipf = new Zipf(this.tagNames.length, 1.0);
  }

  private text(random: () => number, length: number): string[] {
    const out: string[] = [];
    while (out.length < length) {
      if (random() < 0.2) out.push(...this.vocab.pairs[this.pairs.sample(random)]!.split(' '));
      else out.push(this.vocab.words[this.words.sample(random)]!);
    }
    return out;
  }

  private person(random: () => number): string {
    const r = this.people.sample(random);
    // Scatter ranks over the name grid so frequent people do not all share a given name.
    const k = (r * 2654435761) % (this.vocab.givenNames.length * this.vocab.familyNames.length);
    const given = this.vocab.givenNames[k % this.vocab.givenNames.length]!;
    const family = this.vocab.familyNames[Math.floor(k / this.vocab.givenNames.length)]!;
    return `${given} ${family}`;
  }

  paper(index: number): SyntheticPaper {
    const random = rng(this.seed ^ Math.imul(index + 1, 0x9e3779b1));
    const month = Math.floor((index * MONTHS) / Math.max(this.size, 1));
    const firstOfMonth = Math.ceil((month * this.size) / MONTHS);
    const year = FIRST_YEAR + Math.floor(month / 12);
    const mm = String((month % 12) + 1).padStart(2, '0');
    const arxiv = `${String(year % 100).padStart(2, '0')}${mm}.${String(index - firstOfMonth + 1).padStart(5, '0')}`;
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');

    const titleLength = 7 + Math.floor(random() * 7);
    const titleWords: string[] = [];
    while (titleWords.length < titleLength) {
      const word = this.vocab.words[this.titleWords.sample(random)]!;
      if (!FUNCTION_WORDS.has(word) || (titleWords.length > 0 && random() < 0.15)) titleWords.push(word);
    }
    let title = titleWords.map(capitalize).join(' ');
    // Many real titles name their method first: "Quorvix: ...", a rare word in the title.
    if (random() < 0.4) {
      let rank = this.words.sample(random);
      while (rank < 2000) rank = this.words.sample(random);
      title = `${capitalize(this.vocab.words[rank]!)}: ${title}`;
    }

    const abstractLength = 150 + Math.floor(random() * 60);
    const sentences: string[] = [];
    const words = this.text(random, abstractLength);
    for (let i = 0; i < words.length;) {
      const end = i + 12 + Math.floor(random() * 14);
      sentences.push(`${capitalize(words.slice(i, end).join(' '))}.`);
      i = end;
    }

    const authorCount = 3 + Math.floor(random() * 4);
    const authors: string[] = [];
    while (authors.length < authorCount) {
      const name = this.person(random);
      if (!authors.includes(name)) authors.push(name);
    }

    const tagCount = pick(
      TAG_COUNTS.map((w, i) => [i, w]),
      random(),
    );
    const tags: string[] = [];
    while (tags.length < tagCount) {
      const tag = this.tagNames[this.tagZipf.sample(random)]!;
      if (!tags.includes(tag)) tags.push(tag);
    }
    const note = random() < 0.05 ? this.text(random, 20 + Math.floor(random() * 40)).join(' ') : '';
    return {
      arxiv,
      title,
      abstract: sentences.join(' '),
      authors,
      published: `${year}-${mm}-${day}`,
      tags,
      note,
      status: pick(STATUSES, random()),
      starred: random() < 0.03,
    };
  }
}

/** A paper as the Hugging Face /api/daily_papers endpoint returns it (the fields importers read). */
export function toHfJson(p: SyntheticPaper): unknown {
  return {
    paper: {
      id: p.arxiv,
      authors: p.authors.map((name) => ({ name, hidden: false })),
      publishedAt: `${p.published}T00:00:00.000Z`,
      title: p.title,
      summary: p.abstract,
      upvotes: 0,
    },
    title: p.title,
  };
}
