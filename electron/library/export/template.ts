/**
 * Note and digest bodies through Nunjucks — the engine Obsidian users already know from the Zotero Integration
 * plugin. Autoescape is off (the output is Markdown, not HTML); the YAML front matter is never a template's job, it
 * is always generated safely (front-matter.ts) and put before the body. The defaults below are the files shipped in
 * resources/templates/ (a test keeps them identical); docs/templates.md documents the variables.
 */
import fs from 'node:fs';
import path from 'node:path';
import nunjucks from 'nunjucks';
import type { Paper } from '../../../shared/types';
import { authorName } from '../../../shared/normalize';
import { LibraryError } from '../errors';
import { bestLink, obsidianTags } from './fields';

export const DEFAULT_PAPER_TEMPLATE = `# {{ title | oneline | md }}
{% if abstract %}

## Abstract

{{ abstract }}
{% endif %}
{% if note %}

## Notes

{{ note }}
{% endif %}
`;

export const DEFAULT_DIGEST_TEMPLATE = `# Reading digest

{{ count }} {{ "paper" if count == 1 else "papers" }}{% if query %} matching \`{{ query | oneline }}\`{% endif %}.
{% for p in papers %}

## {{ p.title | oneline | md }}

{% if p.authors | length %}{{ p.authors | join(", ") }}{% else %}Unknown authors{% endif %}{% if p.year %} ({{ p.year }}){% endif %}{% if p.venue %}, *{{ p.venue | oneline | md }}*{% endif %}.
{% if p.link %}
<{{ p.link }}>
{% endif %}
{% if p.tags | length %}
Tags: {% for t in p.tags %}#{{ t }}{{ " " if not loop.last }}{% endfor %}
{% endif %}
{% if p.abstract %}

{{ p.abstract }}
{% endif %}
{% if p.note %}

{{ p.note }}
{% endif %}
{% endfor %}
`;

/** What a template sees for one paper. Field names are an interface: documented, never renamed. */
export interface PaperContext {
  id: number;
  title: string;
  /** Display names ("Ashish Vaswani"). */
  authors: string[];
  /** The names in parts, for templates that format them their own way. */
  creators: { family: string | null; given: string | null; literal: string | null; name: string }[];
  year: number | null;
  date: string | null;
  venue: string | null;
  abstract: string | null;
  note: string;
  doi: string | null;
  arxiv: string | null;
  url: string | null;
  /** url, else the DOI link, else the arXiv page. */
  link: string | null;
  citekey: string | null;
  /** In Obsidian's form (no `#`, no spaces). */
  tags: string[];
  status: string;
  starred: boolean;
  added: string;
  entryType: string;
}

export function paperContext(paper: Paper): PaperContext {
  return {
    id: paper.id,
    title: paper.title,
    authors: paper.authors.map(authorName),
    creators: paper.authors.map((a) => ({
      family: a.family ?? null,
      given: a.given ?? null,
      literal: a.literal ?? null,
      name: authorName(a),
    })),
    year: paper.year,
    date: paper.date,
    venue: paper.venue,
    abstract: paper.abstract,
    note: paper.note,
    doi: paper.doi,
    arxiv: paper.arxiv,
    url: paper.url,
    link: bestLink(paper),
    citekey: paper.citekey,
    tags: obsidianTags(paper.tags),
    status: paper.status,
    starred: paper.starred,
    added: paper.addedAt,
    entryType: paper.entryType,
  };
}

/** Escapes the characters that would turn inline text into Markdown markup. */
export function markdownInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/^(#+|[-+]\s|\d+[.)]\s|>)/, (m) => `\\${m}`);
}

/** Filter input as text: strings and numbers as they are, anything else (null, lists, objects) as JSON or nothing. */
function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v === null || v === undefined ? '' : JSON.stringify(v);
}

function environment(dir: string | null): nunjucks.Environment {
  const loader = dir ? new nunjucks.FileSystemLoader(dir, { noCache: true }) : null;
  const env = new nunjucks.Environment(loader, { autoescape: false, trimBlocks: true, lstripBlocks: true });
  env.addFilter('oneline', (v: unknown) => asText(v).replace(/\s+/g, ' ').trim());
  env.addFilter('md', (v: unknown) => markdownInline(asText(v)));
  return env;
}

export type Render = (context: object) => string;

/** A compiled template: the user's file (with includes relative to it) or the default. */
export function loadTemplate(file: string | undefined, fallback: string): Render {
  let source = fallback;
  let dir: string | null = null;
  if (file) {
    try {
      source = fs.readFileSync(file, 'utf8');
      dir = path.dirname(path.resolve(file));
    } catch (err) {
      throw new LibraryError('bad-input', `cannot read the template ${file}: ${(err as Error).message}`);
    }
  }
  const env = environment(dir);
  let template: nunjucks.Template;
  try {
    template = new nunjucks.Template(source, env, file ? path.resolve(file) : undefined, true);
  } catch (err) {
    throw new LibraryError('bad-input', `template ${file ?? '(default)'}: ${(err as Error).message}`);
  }
  return (context) => {
    try {
      return template.render(context);
    } catch (err) {
      throw new LibraryError('bad-input', `template ${file ?? '(default)'}: ${(err as Error).message.trim()}`);
    }
  };
}

/** Ends the text with exactly one line break, whatever the template left. */
export function finishText(text: string): string {
  return `${text.replace(/\s+$/, '')}\n`;
}
