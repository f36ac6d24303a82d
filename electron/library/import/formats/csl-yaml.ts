/**
 * CSL-YAML as pandoc and Better BibTeX write it: `references:` with a list of items (optionally inside `---` front
 * matter), or a bare list of items. Parsed with the `yaml` package; items keep the line they start on.
 */
import { isMap, isSeq, LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { ImportFormat, ParsedEntry } from '../format';
import { cslEntries } from './csl-item';

/** Start lines of the items of the document's item list, in order. */
function itemLines(doc: Document, counter: LineCounter): number[] {
  let list: unknown = doc.contents;
  if (isMap(list)) list = list.get('references', true);
  if (!isSeq(list)) return [];
  return list.items.map((node) => {
    const range = (node as { range?: [number, number, number] }).range;
    return range ? counter.linePos(range[0]).line : 0;
  });
}

/**
 * Reference lists nest a few levels. The YAML parser recurses per level, and a line of thousands of compact sequence
 * markers (`- - - - …`) makes it exhaust memory and kill the process (found by tests/unit/large-inputs.test.ts).
 */
const MAX_NESTING = 100;

function tooDeep(text: string): boolean {
  const markers = new RegExp(`^[ \\t]*(?:[-?:][ \\t]+){${MAX_NESTING},}`, 'm');
  return markers.test(text);
}

export const cslYaml: ImportFormat = {
  name: 'csl-yaml',
  extensions: ['yml', 'yaml'],
  detect(head) {
    if (/^\uFEFF?\s*[[{<@%]/.test(head)) return 0;
    const list = /^references:\s*$/m.test(head) || /^- id:/m.test(head);
    if (!list) return 0;
    const fields = /^\s*-?\s*(title|issued|author|type|container-title|citation-key):/m.test(head);
    return fields ? 0.9 : 0;
  },
  *parse(text): Iterable<ParsedEntry> {
    if (tooDeep(text)) {
      yield {
        ok: false,
        line: null,
        message: `YAML nested more than ${MAX_NESTING} levels deep; not a reference list`,
      };
      return;
    }
    const counter = new LineCounter();
    const docs = parseAllDocuments(text.replace(/^\uFEFF/, ''), { lineCounter: counter, uniqueKeys: false });
    const list = Array.isArray(docs) ? docs : [];
    if (!Array.isArray(docs)) {
      yield { ok: false, line: null, message: 'not a YAML document' };
      return;
    }
    for (const doc of list) {
      if (doc.errors.length > 0) {
        const err = doc.errors[0]!;
        const line = err.linePos?.[0].line ?? null;
        yield { ok: false, line, message: `not valid YAML: ${err.message.split('\n')[0]}` };
        continue;
      }
      if (doc.contents === null) continue;
      const lines = itemLines(doc, counter);
      let data: unknown;
      try {
        data = doc.toJS({ maxAliasCount: 100 });
      } catch (err) {
        // Alias bombs ("billion laughs") stop here instead of filling the memory.
        yield { ok: false, line: null, message: `unreadable YAML: ${(err as Error).message}` };
        continue;
      }
      yield* cslEntries(data, (i) => lines[i] || null);
    }
  },
};
