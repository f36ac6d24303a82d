/** Every import format Lectern knows. Adding a format means adding its module here. */
import type { ImportFormat } from '../format';
import { hfTrending } from './hf-trending';
import { hfJson } from './hf-json';
import { ris } from './ris';
import { cslJson } from './csl-json';
import { cslYaml } from './csl-yaml';
import { arxivAtom } from './arxiv-atom';
import { arxivRss } from './arxiv-rss';

export const formats: readonly ImportFormat[] = [hfTrending, hfJson, ris, cslJson, cslYaml, arxivAtom, arxivRss];

export function formatByName(name: string): ImportFormat | undefined {
  return formats.find((f) => f.name === name.toLowerCase());
}
