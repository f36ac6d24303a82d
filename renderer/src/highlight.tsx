/** Search matches marked up in text as React elements: the text is never parsed as HTML. */
import type { ReactNode } from 'react';
import { parseQuery } from '../../shared/query/parse';
import type { QueryNode } from '../../shared/query/ast';

/** The words a query looks for in an abstract (plain and `abstract:` terms, not excluded ones). */
export function matchWords(query: string): { words: string[]; prefix: Set<string> } {
  const words: string[] = [];
  const prefix = new Set<string>();
  const walk = (node: QueryNode): void => {
    switch (node.kind) {
      case 'and':
      case 'or':
        node.items.forEach(walk);
        return;
      case 'text':
        if (node.field !== 'any' && node.field !== 'abstract') return;
        words.push(...node.words);
        if (node.prefix && node.words.length > 0) prefix.add(node.words[node.words.length - 1]!);
        return;
      default:
        return;
    }
  };
  try {
    walk(parseQuery(query));
  } catch {
    // A query being typed may not parse yet: nothing to highlight.
  }
  return { words, prefix };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` with every match of the query's words wrapped in <mark>. */
export function highlight(text: string, query: string): ReactNode {
  const { words, prefix } = matchWords(query);
  if (words.length === 0) return text;
  const alternatives = [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => (prefix.has(w) ? `${escape(w)}[\\p{L}\\p{N}]*` : `${escape(w)}(?![\\p{L}\\p{N}])`));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'giu');
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const at = m.index;
    if (at > last) out.push(text.slice(last, at));
    out.push(<mark key={at}>{m[0]}</mark>);
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
