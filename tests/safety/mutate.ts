/**
 * Hostile and broken inputs made from real ones: fixture files cut, spliced, with bytes flipped, in the wrong
 * encoding, with junk inserted. Works on bytes, so the decoding step (UTF-8, UTF-16, Windows-1252) is fuzzed too.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

/** Fixture files up to `maxBytes`, read once, with their paths relative to the fixtures folder. */
export function fixtureFiles(root: string, maxBytes: number): { name: string; bytes: Buffer }[] {
  const out: { name: string; bytes: Buffer }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name !== 'SOURCES.json' && entry.name !== 'README.md') {
        const size = fs.statSync(full).size;
        if (size > 0 && size <= maxBytes) {
          out.push({ name: path.relative(root, full), bytes: fs.readFileSync(full) });
        }
      }
    }
  };
  walk(root);
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** A window of at most `max` bytes of a file, so large fixtures stay quick to parse. */
function window(bytes: Buffer, start: number, max: number): Buffer {
  const from = bytes.length <= max ? 0 : start % (bytes.length - max);
  return bytes.subarray(from, from + max);
}

const junk = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '{',
    '}',
    '{{{{{{{{',
    '@article{',
    '\\',
    '"',
    '\u0000',
    '\uFEFF',
    '\r',
    '\n\n',
    'TY  - ',
    'ER  - ',
    '<',
    '<![CDATA[',
    '&amp;',
    '&#x0;',
    '</entry>',
    '[',
    ']',
    '---\n',
    '%',
    '#',
    '\uD800',
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    '\u202E',
    'A\u0301\u0301\u0301\u0301',
  ),
);

/** One mutation step on a byte buffer. */
function mutation(pool: Buffer[]): fc.Arbitrary<(b: Buffer) => Buffer> {
  return fc.oneof(
    // Cut: a prefix, a suffix, or a middle part.
    fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (buf: Buffer) => {
      const x = buf.length ? a % buf.length : 0;
      const y = buf.length ? b % buf.length : 0;
      return buf.subarray(Math.min(x, y), Math.max(x, y) + 1);
    }),
    // Flip some bytes.
    fc
      .array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 20 })
      .map((flips) => (buf: Buffer) => {
        const out = Buffer.from(buf);
        if (out.length) for (const [at, x] of flips) out[at % out.length]! ^= x;
        return out;
      }),
    // Splice in a piece of another fixture.
    fc
      .tuple(fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 4096 }))
      .map(([which, at, from, len]) => (buf: Buffer) => {
        const other = pool[which % pool.length] ?? Buffer.alloc(0);
        const piece = other.subarray(from % Math.max(1, other.length), (from % Math.max(1, other.length)) + len);
        const cut = buf.length ? at % buf.length : 0;
        return Buffer.concat([buf.subarray(0, cut), piece, buf.subarray(cut)]);
      }),
    // Insert junk (broken syntax, unpaired surrogates, markup, control characters).
    fc.tuple(fc.nat(), junk, fc.integer({ min: 1, max: 50 })).map(([at, text, times]) => (buf: Buffer) => {
      const cut = buf.length ? at % buf.length : 0;
      return Buffer.concat([buf.subarray(0, cut), Buffer.from(text.repeat(times)), buf.subarray(cut)]);
    }),
    // The wrong encoding: UTF-16 with and without its BOM, UTF-8 read as Latin-1 and written again.
    fc.constantFrom<(b: Buffer) => Buffer>(
      (buf) => Buffer.from(buf.toString('utf8'), 'utf16le'),
      (buf) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(buf.toString('utf8'), 'utf16le')]),
      (buf) => Buffer.from(buf.toString('latin1'), 'utf8'),
      (buf) => Buffer.from(buf.toString('utf8'), 'latin1'),
    ),
  );
}

/** A mutated input; shown in a failure report as its length and first bytes, not as a wall of numbers. */
export type Mutated = Buffer & { [fc.toStringMethod]: () => string };

function shown(bytes: Buffer): Mutated {
  const out = bytes as Mutated;
  out[fc.toStringMethod] = () =>
    `<${bytes.length} bytes: ${JSON.stringify(bytes.subarray(0, 160).toString('latin1'))}…>`;
  return out;
}

/** Mutated inputs from `seeds`: a window of one seed, then one to four mutation steps. */
export function mutatedInput(seeds: Buffer[], pool: Buffer[], maxBytes = 64 * 1024): fc.Arbitrary<Mutated> {
  return fc
    .tuple(fc.nat(seeds.length - 1), fc.nat(), fc.array(mutation(pool), { minLength: 1, maxLength: 4 }))
    .map(([i, start, steps]) => shown(steps.reduce((b, step) => step(b), window(seeds[i]!, start, maxBytes))));
}
