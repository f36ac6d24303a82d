/** Reading what a researcher pastes to `lectern add`: arXiv ids in their spellings, DOIs, and their URLs. */
import { normalizeArxivId, normalizeDoi } from '../../../shared/normalize';

export type Identifier =
  /** `query` keeps a version the user asked for ("2104.12255v1"); `id` is the paper's id without it. */
  { kind: 'arxiv'; id: string; query: string; input: string } | { kind: 'doi'; doi: string; input: string };

const NEW_ID = /^(\d{4}\.\d{4,5})(v\d+)?$/;
const OLD_ID = /^([a-z-]+(?:\.[a-z]{2})?\/\d{7})(v\d+)?$/i;
/** arXiv's own DOIs (registered with DataCite, unknown to Crossref) name the arXiv paper. */
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;

function arxiv(candidate: string, input: string): Identifier | null {
  const m = NEW_ID.exec(candidate) ?? OLD_ID.exec(candidate);
  if (!m) return null;
  const id = normalizeArxivId(m[1]);
  if (!id) return null;
  return { kind: 'arxiv', id, query: `${id}${m[2] ?? ''}`, input };
}

/** The identifier in `text`, or null when it is neither an arXiv id nor a DOI. */
export function parseIdentifier(text: string): Identifier | null {
  const input = text.trim();
  let s = input;
  const url = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/(.+?)(?:\.pdf)?\/?(?:[?#].*)?$/i.exec(s);
  if (url) return arxiv(decodeURIComponent(url[1]!), input);
  if (/^arxiv:/i.test(s)) return arxiv(s.replace(/^arxiv:\s*/i, ''), input);
  const doiUrl = /^https?:\/\/(?:dx\.)?doi\.org\/(.+)$/i.exec(s);
  if (doiUrl) s = decodeURIComponent(doiUrl[1]!);
  s = s.replace(/^doi:\s*/i, '');
  const doi = normalizeDoi(s);
  if (doi) {
    const own = ARXIV_DOI.exec(doi);
    return own ? arxiv(own[1]!, input) : { kind: 'doi', doi, input };
  }
  return doiUrl ? null : arxiv(s, input);
}
