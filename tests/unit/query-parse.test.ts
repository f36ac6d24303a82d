import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseQuery, queryHasText } from '../../shared/query/parse';
import { QuerySyntaxError } from '../../shared/query/ast';
import type { QueryNode, TextField } from '../../shared/query/ast';

function text(words: string[], opts: { field?: TextField; phrase?: boolean; prefix?: boolean } = {}): QueryNode {
  return {
    kind: 'text',
    field: opts.field ?? 'any',
    words,
    phrase: opts.phrase ?? words.length > 1,
    prefix: opts.prefix ?? false,
  };
}
const word = (w: string, field: TextField = 'any'): QueryNode => text([w], { field });
const and = (...items: QueryNode[]): QueryNode => ({ kind: 'and', items });
const or = (...items: QueryNode[]): QueryNode => ({ kind: 'or', items });
const not = (item: QueryNode): QueryNode => ({ kind: 'not', item });

function syntaxError(input: string): QuerySyntaxError {
  try {
    parseQuery(input);
  } catch (err) {
    if (err instanceof QuerySyntaxError) return err;
    throw err;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

function expectError(input: string, position: number, message?: RegExp): void {
  const err = syntaxError(input);
  expect(err.position).toBe(position);
  if (message) expect(err.message).toMatch(message);
}

describe('parseQuery: words and phrases', () => {
  it('treats an empty or blank query as match-everything', () => {
    expect(parseQuery('')).toEqual(and());
    expect(parseQuery('   \t\n ')).toEqual(and());
  });

  it('returns a single term unwrapped', () => {
    expect(parseQuery('quantile')).toEqual(word('quantile'));
  });

  it('ANDs space-separated words, keeping their case', () => {
    expect(parseQuery('Quantile  regression')).toEqual(and(word('Quantile'), word('regression')));
  });

  it('splits punctuated tokens into a phrase the way unicode61 would', () => {
    expect(parseQuery('gpt-4')).toEqual(text(['gpt', '4'], { phrase: true }));
    expect(parseQuery('c++')).toEqual(word('c'));
    expect(parseQuery("o'neil")).toEqual(text(['o', 'neil']));
    expect(parseQuery('foo:bar')).toEqual(text(['foo', 'bar']));
  });

  it('understands non-Latin letters and combining marks', () => {
    expect(parseQuery('Straße 日本語 naïve')).toEqual(and(word('Straße'), word('日本語'), word('naïve')));
    expect(parseQuery('nai\u0308ve')).toEqual(word('nai\u0308ve'));
    expect(parseQuery('𝐀x')).toEqual(word('𝐀x'));
  });

  it('reads quoted phrases', () => {
    expect(parseQuery('"exact phrase"')).toEqual(text(['exact', 'phrase'], { phrase: true }));
    expect(parseQuery('"single"')).toEqual(text(['single'], { phrase: true }));
    expect(parseQuery('a "b, c!" d')).toEqual(and(word('a'), text(['b', 'c']), word('d')));
  });

  it('reads prefixes on words and phrases', () => {
    expect(parseQuery('regress*')).toEqual(text(['regress'], { prefix: true }));
    expect(parseQuery('gpt-4*')).toEqual(text(['gpt', '4'], { prefix: true }));
    expect(parseQuery('"some phra"*')).toEqual(text(['some', 'phra'], { phrase: true, prefix: true }));
    expect(parseQuery('"some phra*"')).toEqual(text(['some', 'phra'], { phrase: true, prefix: true }));
  });

  it('treats a * inside a word as punctuation', () => {
    expect(parseQuery('a*b')).toEqual(text(['a', 'b']));
  });

  it('accepts pasted titles with stray punctuation', () => {
    expect(parseQuery('BERT: Pre-training of Deep Bidirectional Transformers')).toEqual(
      and(
        word('BERT'),
        text(['Pre', 'training']),
        word('of'),
        word('Deep'),
        word('Bidirectional'),
        word('Transformers'),
      ),
    );
    expect(parseQuery('Why? Because; we & they , . ! :')).toEqual(
      and(word('Why'), word('Because'), word('we'), word('they')),
    );
    expect(parseQuery('Transformers - a survey')).toEqual(and(word('Transformers'), word('a'), word('survey')));
    expect(parseQuery('A* search “revisited”')).toEqual(
      and(text(['A'], { prefix: true }), word('search'), word('revisited')),
    );
  });
});

describe('parseQuery: operators', () => {
  it('negates with a minus on words, phrases, fields and groups', () => {
    expect(parseQuery('-word')).toEqual(not(word('word')));
    expect(parseQuery('-"a phrase"')).toEqual(not(text(['a', 'phrase'], { phrase: true })));
    expect(parseQuery('-tag:x')).toEqual(not({ kind: 'tag', name: 'x' }));
    expect(parseQuery('-(a OR b)')).toEqual(not(or(word('a'), word('b'))));
    expect(parseQuery('a -b')).toEqual(and(word('a'), not(word('b'))));
  });

  it('negates with an uppercase NOT, the same as minus', () => {
    expect(parseQuery('a NOT b')).toEqual(parseQuery('a -b'));
    expect(parseQuery('NOT (a b)')).toEqual(not(and(word('a'), word('b'))));
    expect(parseQuery('NOT NOT a')).toEqual(word('a'));
    expect(parseQuery('not a')).toEqual(and(word('not'), word('a')));
  });

  it('reads keywords after a minus as words', () => {
    expect(parseQuery('-OR')).toEqual(not(word('OR')));
  });

  it('binds OR tighter than the implicit AND', () => {
    expect(parseQuery('a b OR c d')).toEqual(and(word('a'), or(word('b'), word('c')), word('d')));
    expect(parseQuery('a OR b OR c')).toEqual(or(word('a'), word('b'), word('c')));
    expect(parseQuery('a OR -b')).toEqual(or(word('a'), not(word('b'))));
    expect(parseQuery('a or b')).toEqual(and(word('a'), word('or'), word('b')));
  });

  it('ignores an uppercase AND', () => {
    expect(parseQuery('a AND b')).toEqual(and(word('a'), word('b')));
    expect(parseQuery('AND')).toEqual(and());
  });

  it('groups with parentheses and flattens nested groups of the same kind', () => {
    expect(parseQuery('(a OR b) c')).toEqual(and(or(word('a'), word('b')), word('c')));
    expect(parseQuery('(a b) c')).toEqual(and(word('a'), word('b'), word('c')));
    expect(parseQuery('(a OR b) OR c')).toEqual(or(word('a'), word('b'), word('c')));
    expect(parseQuery('((a))')).toEqual(word('a'));
    expect(parseQuery('(tag:x OR tag:y)')).toEqual(or({ kind: 'tag', name: 'x' }, { kind: 'tag', name: 'y' }));
  });

  it('drops empty parentheses among ANDed terms', () => {
    expect(parseQuery('a () b')).toEqual(and(word('a'), word('b')));
    expect(parseQuery('Results (?)')).toEqual(word('Results'));
  });
});

describe('parseQuery: fields', () => {
  it('reads text fields with words, phrases and prefixes', () => {
    expect(parseQuery('title:word')).toEqual(word('word', 'title'));
    expect(parseQuery('title:"a phrase"')).toEqual(text(['a', 'phrase'], { field: 'title', phrase: true }));
    expect(parseQuery('title:pref*')).toEqual(text(['pref'], { field: 'title', prefix: true }));
    expect(parseQuery('author:smith')).toEqual(word('smith', 'author'));
    expect(parseQuery('author:"del maestro"')).toEqual(text(['del', 'maestro'], { field: 'author', phrase: true }));
    expect(parseQuery('abstract:x note:y')).toEqual(and(word('x', 'abstract'), word('y', 'note')));
    expect(parseQuery("author:o'neil")).toEqual(text(['o', 'neil'], { field: 'author' }));
  });

  it('treats field names case-insensitively', () => {
    expect(parseQuery('Title:x')).toEqual(word('x', 'title'));
    expect(parseQuery('TAG:ml')).toEqual({ kind: 'tag', name: 'ml' });
  });

  it('reads tags', () => {
    expect(parseQuery('tag:ml/nlp-2.0_x:y')).toEqual({ kind: 'tag', name: 'ml/nlp-2.0_x:y' });
    expect(parseQuery('tag:"two words"')).toEqual({ kind: 'tag', name: 'two words' });
    expect(parseQuery('tag:Ünïcode')).toEqual({ kind: 'tag', name: 'Ünïcode' });
  });

  it('reads statuses, with to-read spelling variants', () => {
    for (const status of ['new', 'to-read', 'reading', 'read', 'skipped'] as const) {
      expect(parseQuery(`status:${status}`)).toEqual({ kind: 'status', status });
    }
    expect(parseQuery('status:toread')).toEqual({ kind: 'status', status: 'to-read' });
    expect(parseQuery('status:to_read')).toEqual({ kind: 'status', status: 'to-read' });
    expect(parseQuery('Status:READ')).toEqual({ kind: 'status', status: 'read' });
  });

  it('reads years and year ranges', () => {
    const year = (from: number | null, to: number | null): QueryNode => ({ kind: 'year', from, to });
    expect(parseQuery('year:2020')).toEqual(year(2020, 2020));
    expect(parseQuery('year:2019..2023')).toEqual(year(2019, 2023));
    expect(parseQuery('year:2019..')).toEqual(year(2019, null));
    expect(parseQuery('year:..2020')).toEqual(year(null, 2020));
    expect(parseQuery('year:>2019')).toEqual(year(2020, null));
    expect(parseQuery('year:>=2019')).toEqual(year(2019, null));
    expect(parseQuery('year:<2020')).toEqual(year(null, 2019));
    expect(parseQuery('year:<=2020')).toEqual(year(null, 2020));
    expect(parseQuery('year:2020..2020')).toEqual(year(2020, 2020));
  });

  it('reads is:starred and has:note', () => {
    expect(parseQuery('is:starred')).toEqual({ kind: 'starred' });
    expect(parseQuery('has:note')).toEqual({ kind: 'hasNote' });
    expect(parseQuery('-has:note is:Starred')).toEqual(and(not({ kind: 'hasNote' }), { kind: 'starred' }));
  });

  it('combines fields with words', () => {
    expect(parseQuery('tag:ml year:2019.. -status:read attention')).toEqual(
      and(
        { kind: 'tag', name: 'ml' },
        { kind: 'year', from: 2019, to: null },
        not({ kind: 'status', status: 'read' }),
        word('attention'),
      ),
    );
  });
});

describe('parseQuery: errors and their positions', () => {
  it('rejects unterminated quotes at the quote', () => {
    expectError('a "open phrase', 2, /quote/);
    expectError('title:"open', 6, /quote/);
    expectError('"ok" "', 5);
  });

  it('rejects empty phrases', () => {
    expectError('a ""', 2, /Empty phrase/);
    expectError('"?!"', 0);
  });

  it('rejects a lone or misplaced *', () => {
    expectError('a *', 2, /\*/);
    expectError('"phrase" *', 9);
    expectError('foo**', 4);
    expectError('"x"**', 4);
  });

  it('rejects unbalanced parentheses', () => {
    expectError('(a OR b', 0, /Unclosed/);
    expectError('a (b (c)', 2, /Unclosed/);
    expectError('a) b', 1, /Unmatched/);
    expectError('(a))', 3, /Unmatched/);
  });

  it('rejects dangling or doubled OR', () => {
    expectError('OR a', 0, /before/);
    expectError('a OR', 2, /after/);
    expectError('a OR OR b', 5, /before/);
    expectError('(OR a)', 1, /before/);
    expectError('(a OR) b', 3, /after/);
    expectError('() OR a', 3, /before/);
    expectError('a OR ()', 2, /after/);
  });

  it('rejects dangling NOT and minus', () => {
    expectError('a NOT', 2, /NOT/);
    expectError('NOT OR a', 0, /NOT/);
    expectError('(a NOT) b', 3, /NOT/);
    expectError('a -', 2, /exclude/);
    expectError('a - )', 2, /exclude/);
    expectError('-()', 0, /exclude/);
  });

  it('reads a field name followed by a space as a word, as in pasted titles', () => {
    expect(parseQuery('Note: a lemma')).toEqual({
      kind: 'and',
      items: [
        { kind: 'text', field: 'any', words: ['Note'], phrase: false, prefix: false },
        { kind: 'text', field: 'any', words: ['a'], phrase: false, prefix: false },
        { kind: 'text', field: 'any', words: ['lemma'], phrase: false, prefix: false },
      ],
    });
    expect(parseQuery('year: 2020')).toEqual({
      kind: 'and',
      items: [
        { kind: 'text', field: 'any', words: ['year'], phrase: false, prefix: false },
        { kind: 'text', field: 'any', words: ['2020'], phrase: false, prefix: false },
      ],
    });
  });

  it('rejects empty field values at the field', () => {
    expectError('tag:', 0, /tag: needs a value/);
    expectError('a title:', 2, /title:/);
    expectError('title:(a b)', 0);
    expectError('title:,', 6, /needs a word/);
    expectError('tag:""', 4, /tag: needs a name/);
  });

  it('rejects bad tag names at the bad character', () => {
    expectError('tag:c++', 5, /Tag names/);
    expectError('tag:ml*', 6, /\*/);
    expectError('tag:"ml"*', 8, /prefix/);
  });

  it('rejects unknown statuses, naming the valid ones', () => {
    const err = syntaxError('a status:done');
    expect(err.position).toBe(9);
    expect(err.message).toContain('new, to-read, reading, read, skipped');
    expectError('status:"to read"', 8);
  });

  it('rejects invalid years and backwards ranges at the value', () => {
    expectError('year:20x0', 5, /Invalid year/);
    expectError('year:..', 5);
    expectError('year:12345', 5);
    expectError('year:2019-2023', 5);
    expectError('year:>', 5);
    expectError('a year:2023..2019', 7, /ends before/);
  });

  it('rejects unknown is: and has: values', () => {
    expectError('is:read', 3, /is:starred/);
    expectError('has:pdf', 4, /has:note/);
  });

  it('reports the position in the message one-based, for people', () => {
    expect(syntaxError('a OR').message).toMatch(/position 3/);
  });
});

describe('queryHasText', () => {
  it('is true only when some text term is not excluded', () => {
    expect(queryHasText(parseQuery(''))).toBe(false);
    expect(queryHasText(parseQuery('tag:x year:2020 is:starred'))).toBe(false);
    expect(queryHasText(parseQuery('-attention tag:x'))).toBe(false);
    expect(queryHasText(parseQuery('NOT (a OR b)'))).toBe(false);
    expect(queryHasText(parseQuery('attention'))).toBe(true);
    expect(queryHasText(parseQuery('tag:x title:bert'))).toBe(true);
    expect(queryHasText(parseQuery('tag:x OR "a b"'))).toBe(true);
  });
});

describe('parseQuery on arbitrary input', () => {
  /** Checks the invariants the SQL compiler relies on: no empty text terms and no one-item groups below the top. */
  function wellFormed(node: QueryNode, top: boolean): boolean {
    switch (node.kind) {
      case 'text':
        return node.words.length > 0 && node.words.every((w) => w.length > 0);
      case 'and':
      case 'or':
        return (top || node.items.length > 1) && node.items.every((item) => wellFormed(item, false));
      case 'not':
        return wellFormed(node.item, false);
      default:
        return true;
    }
  }

  function parsesOrFailsCleanly(input: string): void {
    try {
      expect(wellFormed(parseQuery(input), true)).toBe(true);
    } catch (err) {
      if (!(err instanceof QuerySyntaxError)) throw err;
      expect(err.position).toBeGreaterThanOrEqual(0);
      expect(err.position).toBeLessThanOrEqual(input.length);
    }
  }

  // Fragments chosen to hit the grammar's corners far more often than uniformly random text would.
  const pieces = [
    ' ',
    ' ',
    '\u0301',
    ...'a Zeta é 日本 4 OR AND NOT ( ) " - * : .. >= < , 2020 read starred note'.split(' '),
  ];
  pieces.push(...'tag: title: year: status: is: has: foo:'.split(' '));

  it('never throws anything but QuerySyntaxError on random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), parsesOrFailsCleanly), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), parsesOrFailsCleanly), { numRuns: 1000 });
  });

  it('never throws anything but QuerySyntaxError on random query-like text', () => {
    const queryLike = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(fc.property(queryLike, parsesOrFailsCleanly), { numRuns: 5000 });
  });

  it('finishes quickly on huge and deeply nested input', () => {
    const started = performance.now();
    parsesOrFailsCleanly('('.repeat(100_000));
    parsesOrFailsCleanly('NOT '.repeat(50_000) + 'a');
    parsesOrFailsCleanly('a OR '.repeat(20_000) + 'b');
    parsesOrFailsCleanly('gpt-4 '.repeat(20_000));
    parsesOrFailsCleanly('"'.repeat(50_001));
    parsesOrFailsCleanly(`${'-'.repeat(100_000)}a`);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
