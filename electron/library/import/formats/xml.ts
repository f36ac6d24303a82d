/**
 * XML for the feed formats, read with fast-xml-parser: namespace prefixes dropped (`arxiv:doi` → `doi`), attributes
 * as `@_name`, repeated elements always arrays, and a malformed document reported with its line.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ParsedEntry } from '../format';

export type XmlNode = Record<string, unknown>;

const REPEATED = new Set(['entry', 'author', 'link', 'category', 'item', 'creator', 'doi']);

export type XmlParser = XMLParser;

/**
 * A parser for one vocabulary. `repeated` elements always come as arrays; `rawText` elements (titles and abstracts
 * with inline markup such as `<sup>` or EndNote's `<style>`) come as their inner XML, for `richText` to flatten in order.
 */
export function xmlParser(repeated: Set<string>, rawText: string[] = []): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (name) => repeated.has(name),
    stopNodes: rawText.map((t) => `*.${t}`),
  });
}

const feedParser = xmlParser(REPEATED);

export type XmlResult = { ok: true; doc: XmlNode } | { ok: false; error: ParsedEntry };

export function parseXml(text: string, parser: XMLParser = feedParser): XmlResult {
  const body = text.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    return { ok: false, error: { ok: false, line: valid.err.line, message: `not well-formed XML: ${valid.err.msg}` } };
  }
  try {
    return { ok: true, doc: parser.parse(body) as XmlNode };
  } catch (err) {
    // The validator and the parser disagree on some broken inputs (found by tests/unit/fuzz-importers.test.ts), and
    // the parser refuses some well-formed ones (entity expansion limits): reported, never thrown.
    return { ok: false, error: { ok: false, line: null, message: `not well-formed XML: ${(err as Error).message}` } };
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Inner XML of a raw-text element as plain text: tags dropped, entities decoded, spaces collapsed. */
export function richText(raw: unknown): string | null {
  const inner = xmlText(raw);
  if (inner === null) return null;
  const text = inner
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? all;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all;
    })
    .replace(/\s+/g, ' ')
    .trim();
  return text || null;
}

/** The text of an element that may carry attributes (`{ '#text': ..., '@_type': ... }`) or be missing. */
export function xmlText(node: unknown): string | null {
  if (Array.isArray(node)) return xmlText(node[0]);
  if (typeof node === 'string') return node.trim() || null;
  if (typeof node === 'number') return String(node);
  if (node && typeof node === 'object') return xmlText((node as XmlNode)['#text']);
  return null;
}

/** The texts of a repeated text-only element (`<category>cs.AI</category>` several times). */
export function xmlTexts(node: unknown): string[] {
  const list = Array.isArray(node) ? node : node === undefined ? [] : [node];
  return list.map(xmlText).filter((t): t is string => t !== null);
}

export function xmlList(node: unknown): XmlNode[] {
  if (Array.isArray(node)) return node.filter((n): n is XmlNode => typeof n === 'object' && n !== null);
  return node && typeof node === 'object' ? [node as XmlNode] : [];
}

export function child(node: unknown, name: string): XmlNode | null {
  return node && typeof node === 'object' && !Array.isArray(node)
    ? (xmlList((node as XmlNode)[name])[0] ?? null)
    : null;
}

/** 1-based lines where each `<tag` element opens, in document order: the parser itself keeps no positions. */
export function openingLines(text: string, tag: string): number[] {
  const out: number[] = [];
  const re = new RegExp(`<(?:[\\w-]+:)?${tag}[\\s>]`, 'g');
  let line = 1;
  let pos = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let i = text.indexOf('\n', pos); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    pos = m.index;
    out.push(line);
  }
  return out;
}
