/**
 * `lectern add`: papers by arXiv id or DOI, their metadata fetched from the arXiv API and Crossref, then imported
 * like any other paper (duplicates merged) as one undo step. Everything is fetched before anything is written, so a
 * network failure changes nothing.
 */
import type { ImportReport, PaperDraft } from '../../../shared/types';
import { LibraryError } from '../errors';
import type { Library } from '../library';
import { emptyReport, importEntries } from '../import/run';
import { arxivPapers } from './arxiv';
import type { RemoteServices } from './config';
import { crossrefWork } from './crossref';
import { parseIdentifier, type Identifier } from './identifiers';

export function parseIdentifiers(inputs: string[]): Identifier[] {
  return inputs.map((input) => {
    const id = parseIdentifier(input);
    if (!id) throw new LibraryError('bad-request', `not an arXiv id or DOI: ${input}`);
    return id;
  });
}

interface Fetched {
  identifier: Identifier;
  draft: PaperDraft | null;
  source: string;
}

async function fetchAll(remote: RemoteServices, identifiers: Identifier[]): Promise<Fetched[]> {
  const { config } = remote;
  const arxivIds = identifiers.flatMap((i) => (i.kind === 'arxiv' ? [i.query] : []));
  const fromArxiv =
    arxivIds.length > 0 ? await arxivPapers(remote.arxiv, config.arxivApi, [...new Set(arxivIds)]) : null;
  const out: Fetched[] = [];
  for (const identifier of identifiers) {
    if (identifier.kind === 'arxiv') {
      out.push({ identifier, draft: fromArxiv?.get(identifier.id) ?? null, source: 'arxiv-api' });
    } else {
      out.push({
        identifier,
        draft: await crossrefWork(remote.crossref, config.crossrefApi, identifier.doi),
        source: 'crossref',
      });
    }
  }
  return out;
}

export async function addPapers(library: Library, inputs: string[], remote: RemoteServices): Promise<ImportReport> {
  const identifiers = parseIdentifiers(inputs);
  const fetched = await fetchAll(remote, identifiers);
  const report = emptyReport();
  const found = fetched.filter((f) => f.draft !== null);
  for (const f of fetched) {
    if (f.draft) continue;
    const where = f.identifier.kind === 'arxiv' ? 'on arXiv' : 'in Crossref';
    report.failed++;
    report.errors.push({ file: f.identifier.input, line: null, message: `not found ${where}` });
  }
  if (found.length === 0) return report;
  const label = found.length === 1 ? `Add ${found[0]!.identifier.input}` : `Add ${found.length} papers`;
  library.change(label, ['papers', 'tags'], (recorder, now) => {
    for (const f of found) {
      const ctx = {
        db: library.db,
        file: f.identifier.input,
        source: `${f.source}:${f.identifier.input}`,
        now,
        recorder,
      };
      importEntries(ctx, [{ ok: true, draft: f.draft! }], report);
    }
  });
  return report;
}
