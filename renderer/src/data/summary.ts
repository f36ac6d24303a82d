/** Sidebar numbers: counts per status and the tags with their counts, refetched when the library changes. */
import { useSyncExternalStore } from 'react';
import type { LibraryCounts, TagCount } from '../../../shared/types';
import { api } from '../api';

export interface Summary {
  counts: LibraryCounts | null;
  tags: TagCount[];
}

let summary: Summary = { counts: null, tags: [] };
const listeners = new Set<() => void>();
let countsRequest = 0;
let tagsRequest = 0;

function publish(patch: Partial<Summary>): void {
  summary = { ...summary, ...patch };
  for (const l of listeners) l();
}

export function refreshCounts(): void {
  const request = ++countsRequest;
  void api.call('library.counts', {}).then((r) => {
    if (r.ok && request === countsRequest) publish({ counts: r.value });
  });
}

export function refreshTags(): void {
  const request = ++tagsRequest;
  void api.call('tags.list', {}).then((r) => {
    if (r.ok && request === tagsRequest) publish({ tags: r.value });
  });
}

export function currentSummary(): Summary {
  return summary;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSummary(): Summary {
  return useSyncExternalStore(subscribe, () => summary);
}
