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

/** What a tagged format decides; the splitting loop itself is shared. */
export interface TaggedLayout {
  /** The tag and value of a line that opens a field, or null for a continuation line. */
  fieldOf(line: string): { tag: string; value: string } | null;
  /** A line that ends the open record without belonging to any (blank lines always do). */
  isBreak?(line: string): boolean;
  /** True when a field with this tag starts a new record, given the record open so far. */
  startsRecord?(tag: string, open: TaggedRecord): boolean;
}

/** Splits tagged text into records: fields in file order, continuation lines joined, empty records dropped. */
export function splitTagged(lines: string[], layout: TaggedLayout): TaggedRecord[] {
  const out: TaggedRecord[] = [];
  let rec: TaggedRecord | null = null;
  const close = () => {
    if (rec && rec.fields.length > 0) out.push(rec);
    rec = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (!raw.trim() || layout.isBreak?.(raw)) {
      close();
      continue;
    }
    const field = layout.fieldOf(raw);
    if (!field) {
      continueField(rec, raw);
      continue;
    }
    if (rec !== null && layout.startsRecord?.(field.tag, rec)) close();
    const open: TaggedRecord = rec ?? { line: i + 1, fields: [] };
    rec = open;
    open.fields.push({ tag: field.tag, value: field.value.trim(), line: i + 1 });
  }
  close();
  return out;
}
