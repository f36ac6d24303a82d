/** CSL-JSON, as Zotero, Better BibTeX, citation.js and pandoc write it: an array of items or an object keyed by id. */
import type { ImportFormat, ParsedEntry } from '../format';
import { cslEntries } from './csl-item';
import { jsonMemberLines } from './json-split';
import { isRecord, parseJsonText } from './json-text';

export const cslJson: ImportFormat = {
  name: 'csl-json',
  extensions: ['json'],
  detect(head) {
    if (!/^\uFEFF?\s*[[{]/.test(head)) return 0;
    // Hugging Face JSON has "title" and "authors" too; its markers rule it out here.
    if (/"(upvotes|publishedAt|submittedOnDailyAt|publication_date)"\s*:/.test(head)) return 0;
    const strong = /"(issued|date-parts|container-title|citation-key|non-dropping-particle)"\s*:/.test(head);
    const people = /"author"\s*:\s*\[/.test(head) && /"(family|literal|given)"\s*:/.test(head);
    const typed = /"type"\s*:\s*"[a-z-]+"/.test(head) && /"(title|id)"\s*:/.test(head);
    if (strong && (people || typed)) return 0.9;
    // A "type" and a "title" alone are in too many JSON files (Zotero's own JSON among them) to claim one.
    return strong || people ? 0.7 : 0;
  },
  *parse(text): Iterable<ParsedEntry> {
    const parsed = parseJsonText(text);
    if (!parsed.ok) {
      yield parsed.error;
      return;
    }
    // Lines of the top-level members, found by a second, parse-free scan: CSL files are small, lines are worth it.
    const data = parsed.value;
    const lines = isRecord(data) && 'references' in data ? [] : jsonMemberLines(text);
    yield* cslEntries(data, (member) => lines[member] ?? null);
  },
};
