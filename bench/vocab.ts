/**
 * The vocabulary of the synthetic libraries, drawn from the real Hugging Face abstracts in the shared fixtures: words
 * and word pairs ranked by how often they occur there, and the people credited on those papers. A long tail of
 * invented method names (the acronyms and coinages real abstracts are full of) gives the index its rare terms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = process.env['LECTERN_FIXTURES'] ?? path.resolve(ROOT, '../shared/fixtures');

export interface Vocabulary {
  /** Words, most frequent first. */
  words: string[];
  /** Adjacent word pairs ("language models"), most frequent first. */
  pairs: string[];
  givenNames: string[];
  familyNames: string[];
}

interface SourcePaper {
  title: string;
  abstract: string;
  authors: string[];
}

function readFixturePapers(): SourcePaper[] {
  const dir = path.join(FIXTURES, 'hf-papers');
  const out: SourcePaper[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown;
    const items = Array.isArray(data) ? data : Object.values(data as Record<string, unknown>);
    for (const item of items as Record<string, unknown>[]) {
      const p = (item['paper'] ?? item) as Record<string, unknown>;
      const text = (v: unknown): string => (typeof v === 'string' ? v : '');
      const abstract = text(p['summary']) || text(p['abstract']);
      const rawAuthors = Array.isArray(p['authors']) ? (p['authors'] as unknown[]) : [];
      const authors = rawAuthors.map((a) => (typeof a === 'string' ? a : text((a as Record<string, unknown>)['name'])));
      if (abstract) out.push({ title: text(p['title']), abstract, authors });
    }
  }
  return out;
}

const WORD = /[a-z][a-z0-9]*(?:-[a-z0-9]+)*/g;

function ranked(counts: Map<string, number>): string[] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}

/** Deterministic invented words ("quorvix", "zentaril") for the tail, none of which is an English word. */
function inventedWords(count: number, taken: Set<string>): string[] {
  const onsets = [
    'b',
    'd',
    'f',
    'g',
    'k',
    'l',
    'm',
    'n',
    'p',
    'qu',
    'r',
    's',
    't',
    'v',
    'z',
    'dr',
    'tr',
    'kl',
    'sn',
    'x',
  ];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ae', 'io'];
  const codas = ['', 'n', 'r', 'x', 'l', 'th', 'k', 'm'];
  const out: string[] = [];
  let i = 0;
  while (out.length < count) {
    let n = i++;
    let word = '';
    for (let s = 0; s < 3; s++) {
      word += onsets[n % onsets.length]! + vowels[Math.floor(n / onsets.length) % vowels.length]!;
      n = Math.floor(n / (onsets.length * vowels.length));
      if (n === 0 && s >= 1) break;
    }
    word += codas[i % codas.length]!;
    if (!taken.has(word)) {
      taken.add(word);
      out.push(word);
    }
  }
  return out;
}

let cache: Vocabulary | null = null;

export function loadVocabulary(tailSize = 200_000): Vocabulary {
  if (cache) return cache;
  const words = new Map<string, number>();
  const pairs = new Map<string, number>();
  const given = new Set<string>();
  const family = new Set<string>();
  for (const paper of readFixturePapers()) {
    const tokens = `${paper.title} ${paper.abstract}`.toLowerCase().match(WORD) ?? [];
    for (let i = 0; i < tokens.length; i++) {
      words.set(tokens[i]!, (words.get(tokens[i]!) ?? 0) + 1);
      if (i > 0) {
        const pair = `${tokens[i - 1]} ${tokens[i]}`;
        pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
      }
    }
    for (const name of paper.authors) {
      const parts = name.trim().split(/\s+/);
      if (parts.length < 2) continue;
      given.add(parts[0]!);
      family.add(parts[parts.length - 1]!);
    }
  }
  const realWords = ranked(words);
  // Pairs seen once are mostly accidents of one abstract; the recurring ones are the field's phrases.
  const realPairs = ranked(new Map([...pairs].filter(([, n]) => n > 2)));
  const tail = inventedWords(tailSize, new Set(realWords));
  cache = {
    words: [...realWords, ...tail],
    pairs: realPairs,
    givenNames: [...given].sort(),
    familyNames: [...family].sort(),
  };
  return cache;
}
