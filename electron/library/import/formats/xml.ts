/**
 * XML for the feed formats, read with fast-xml-parser: namespace prefixes dropped (`arxiv:doi` → `doi`), attributes
 * as `@_name`, repeated elements always arrays, and a malformed document reported with its line.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ParsedEntry } from '../format';

export type XmlNode = Record<string, unknown>;

const REPEATED = new Set(['entry', 'author', 'link', 'category', 'item', 'creator', 'doi']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

export type XmlResult = { ok: true; doc: XmlNode } | { ok: false; error: ParsedEntry };

export function parseXml(text: string): XmlResult {
  const body = text.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    return { ok: false, error: { ok: false, line: valid.err.line, message: `not well-formed XML: ${valid.err.msg}` } };
  }
  return { ok: true, doc: parser.parse(body) as XmlNode };
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
