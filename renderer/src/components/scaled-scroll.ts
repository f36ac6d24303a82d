/**
 * A scrollbar for tables taller than a browser can lay out. Chromium caps an element at about 33.5 million pixels
 * (Firefox at about 17.9 million), and a million 28-pixel rows is 28 million: so the scrolled spacer is capped and
 * the scroll position is scaled between the spacer and the table's true height. Below the cap the scale is exactly 1.
 */
import { flushSync } from 'react-dom';
import type { Virtualizer } from '@tanstack/react-virtual';

export const MAX_SPACER_PX = 12_000_000;

export interface ScrollScale {
  /** Height the spacer element gets. */
  spacer: number;
  /** Table pixels per scrolled pixel (1 when nothing is scaled). */
  factor: number;
}

export function scrollScale(contentHeight: number, viewportHeight: number): ScrollScale {
  if (contentHeight <= MAX_SPACER_PX) return { spacer: contentHeight, factor: 1 };
  const room = Math.max(1, MAX_SPACER_PX - viewportHeight);
  return { spacer: MAX_SPACER_PX, factor: Math.max(1, (contentHeight - viewportHeight) / room) };
}

/**
 * Virtualizer hooks that report and write the table's offset (scroll position × factor) instead of the element's.
 * The offset is always reported as "not scrolling", which keeps the virtualizer's overscroll heuristics (made for an
 * unscaled element) out of the way; rows here have one fixed height, so nothing needs them.
 */
export function scaledScrolling(factor: () => number) {
  return {
    observeElementOffset: (
      instance: Virtualizer<HTMLDivElement, Element>,
      cb: (offset: number, s: boolean) => void,
    ) => {
      const el = instance.scrollElement;
      if (!el) return undefined;
      const report = () => cb(el.scrollTop * factor(), false);
      report();
      // The rows for the new offset render inside the scroll event, so the frame that shows the new position shows
      // them too (rendered later, a fast scroll paints frames of empty table).
      const onScroll = () => flushSync(report);
      el.addEventListener('scroll', onScroll, { passive: true });
      return () => el.removeEventListener('scroll', onScroll);
    },
    scrollToFn: (
      offset: number,
      options: { adjustments?: number },
      instance: Virtualizer<HTMLDivElement, Element>,
    ): void => {
      const el = instance.scrollElement;
      if (el) el.scrollTop = (offset + (options.adjustments ?? 0)) / factor();
    },
  };
}

/** Where to scroll (in element pixels) so that row `index` is in view, or null when it already is. */
export function scrollTopToShow(
  index: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  factor: number,
): number | null {
  const top = index * rowHeight;
  const offset = scrollTop * factor;
  if (top < offset) return top / factor;
  if (top + rowHeight > offset + viewportHeight) return (top + rowHeight - viewportHeight) / factor;
  return null;
}
