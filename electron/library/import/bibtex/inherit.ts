/**
 * Field inheritance between entries: `crossref` (a paper in proceedings or a book takes the container's fields it
 * lacks, the container's title becoming its booktitle, as BibLaTeX does) and BibLaTeX `xdata` (shared field sets).
 */
import type { RawEntry } from './scanner';

/** Fields that describe the entry itself and are never inherited. */
const OWN = new Set([
  'crossref',
  'xref',
  'xdata',
  'ids',
  'entryset',
  'label',
  'shorthand',
  'sortkey',
  'keywords',
  'file',
]);

/** Container types whose title is the child's booktitle (journaltitle for a periodical): the prefix it takes. */
const CONTAINER_PREFIX: Record<string, string> = {
  book: 'book',
  mvbook: 'book',
  collection: 'book',
  mvcollection: 'book',
  proceedings: 'book',
  mvproceedings: 'book',
  reference: 'book',
  mvreference: 'book',
  periodical: 'journal',
};

const MAX_DEPTH = 8;

export type EntryIndex = ReadonlyMap<string, RawEntry>;

/** Entries by lower-case key; the first of duplicate keys wins, as in BibTeX. */
export function indexEntries(entries: Iterable<RawEntry>): Map<string, RawEntry> {
  const index = new Map<string, RawEntry>();
  for (const e of entries) {
    const key = e.key.toLowerCase();
    if (key && !index.has(key)) index.set(key, e);
  }
  return index;
}

/** True when the entry inherits anything, so the common case costs one or two property checks. */
export function inherits(entry: RawEntry): boolean {
  return entry.fields['crossref'] !== undefined || entry.fields['xdata'] !== undefined;
}

/** The entry's fields with inherited ones filled in; a missing parent or a cycle is ignored. */
export function resolveFields(entry: RawEntry, index: EntryIndex, depth = 0): Record<string, string> {
  if (!inherits(entry) || depth > MAX_DEPTH) return entry.fields;
  const fields: Record<string, string> = { ...entry.fields };
  for (const key of (entry.fields['xdata'] ?? '').split(',')) {
    const source = index.get(key.trim().toLowerCase());
    if (!source || source === entry) continue;
    for (const [name, value] of Object.entries(resolveFields(source, index, depth + 1))) {
      if (!OWN.has(name) && fields[name] === undefined) fields[name] = value;
    }
  }
  const parentKey = entry.fields['crossref']?.trim().toLowerCase();
  const parent = parentKey ? index.get(parentKey) : undefined;
  if (parent && parent !== entry) {
    const prefix = CONTAINER_PREFIX[parent.type];
    for (const [name, value] of Object.entries(resolveFields(parent, index, depth + 1))) {
      if (OWN.has(name)) continue;
      let target = name;
      if (prefix && (name === 'title' || name === 'subtitle' || name === 'titleaddon')) target = prefix + name;
      if (fields[target] === undefined) fields[target] = value;
    }
  }
  return fields;
}
