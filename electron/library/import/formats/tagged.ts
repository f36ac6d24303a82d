/**
 * Tagged records (RIS, Ovid, MEDLINE, Web of Science, EndNote): each record is a list of (tag, value, line) fields in
 * file order, with continuation lines already joined to the field they continue. The format modules only decide where
 * records start and end and what a tag means.
 */

export interface Field {
  tag: string;
  value: string;
  /** 1-based line of the field's first line. */
  line: number;
}

export interface TaggedRecord {
  fields: Field[];
  /** 1-based line where the record starts. */
  line: number;
}

/** All values of the given tags, in file order, trimmed, empty ones dropped. */
export function values(rec: TaggedRecord, ...tags: string[]): string[] {
  const out: string[] = [];
  for (const f of rec.fields) {
    if (!tags.includes(f.tag)) continue;
    const v = f.value.trim();
    if (v) out.push(v);
  }
  return out;
}

/** The first non-empty value among the tags, taking the tags in the order given (not file order). */
export function first(rec: TaggedRecord, ...tags: string[]): string | null {
  for (const tag of tags) {
    for (const f of rec.fields) {
      if (f.tag === tag) {
        const v = f.value.trim();
        if (v) return v;
      }
    }
  }
  return null;
}

/** Adds a continuation line to the last field: a space joins wrapped prose, a newline keeps list-like lines apart. */
export function continueField(rec: TaggedRecord | null, text: string): void {
  const last = rec?.fields[rec.fields.length - 1];
  if (!last) return;
  const t = text.trim();
  if (!t) return;
  last.value = last.value ? `${last.value}\n${t}` : t;
}
