/** Every import format Lectern knows. Adding a format means adding its module here. */
import type { ImportFormat } from '../format';
import { hfTrending } from './hf-trending';
import { hfJson } from './hf-json';
import { ris } from './ris';
import { cslJson } from './csl-json';
import { cslYaml } from './csl-yaml';
import { arxivAtom } from './arxiv-atom';
import { arxivRss } from './arxiv-rss';
import { medline } from './medline';
import { ovid } from './ovid';
import { wos } from './wos';
import { endnote } from './endnote';
import { pubmedXml } from './pubmed-xml';
import { endnoteXml } from './endnote-xml';
import { bbtJson } from './bbt-json';
import { zoteroRdf } from './zotero-rdf';
import { bibtex, biblatex } from './bibtex';

export const formats: readonly ImportFormat[] = [
  hfTrending,
  hfJson,
  ris,
  cslJson,
  cslYaml,
  arxivAtom,
  arxivRss,
  medline,
  ovid,
  wos,
  endnote,
  pubmedXml,
  endnoteXml,
  bbtJson,
  zoteroRdf,
  bibtex,
  biblatex,
];

export function formatByName(name: string): ImportFormat | undefined {
  return formats.find((f) => f.name === name.toLowerCase());
}
