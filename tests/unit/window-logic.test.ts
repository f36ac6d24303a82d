/** The window's pure logic: key spelling, the view's query, and the scaled scrollbar for huge tables. */
import { describe, expect, it } from 'vitest';
import { KEYMAP, eventKey } from '../../renderer/src/keymap';
import { effectiveQuery } from '../../renderer/src/state/view';
import { MAX_SPACER_PX, scrollScale, scrollTopToShow } from '../../renderer/src/components/scaled-scroll';
import { parseQuery } from '../../shared/query/parse';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) =>
  eventKey({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('key spelling', () => {
  it('spells keys the way the keymap writes them', () => {
    expect(key('j')).toBe('j');
    expect(key('J', { shiftKey: true })).toBe('Shift+j');
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('Mod+Shift+z');
    expect(key('z', { metaKey: true })).toBe('Mod+z');
    expect(key('?', { shiftKey: true })).toBe('?');
    expect(key('ArrowDown')).toBe('ArrowDown');
    expect(key('Shift', { shiftKey: true })).toBeNull();
  });

  it('binds every key of the issue to its action, each key once', () => {
    const bound = new Map<string, string>();
    for (const action of KEYMAP) {
      for (const k of action.keys) {
        expect(bound.has(k), `${k} bound twice`).toBe(false);
        bound.set(k, action.id);
      }
    }
    const expected: Record<string, string> = {
      j: 'next',
      ArrowDown: 'next',
      k: 'previous',
      ArrowUp: 'previous',
      Home: 'first',
      End: 'last',
      PageDown: 'page-down',
      PageUp: 'page-up',
      Enter: 'toggle-detail',
      o: 'toggle-detail',
      '/': 'focus-search',
      '1': 'status-new',
      '2': 'status-to-read',
      '3': 'status-reading',
      '4': 'status-read',
      '5': 'status-skipped',
      s: 'star',
      t: 'tag',
      n: 'note',
      x: 'mark',
      'Shift+j': 'extend-down',
      'Shift+k': 'extend-up',
      u: 'undo',
      'Mod+z': 'undo',
      'Mod+Shift+z': 'redo',
      'Mod+k': 'palette',
      '?': 'help',
    };
    for (const [k, action] of Object.entries(expected)) expect(bound.get(k), k).toBe(action);
  });
});

describe("a view's query", () => {
  it("keeps the user's OR inside the view's filter", () => {
    const q = effectiveQuery({ kind: 'status', status: 'to-read' }, 'diffusion OR transformer');
    expect(q).toBe('status:to-read (diffusion OR transformer)');
    expect(parseQuery(q)).toMatchObject({ kind: 'and' });
    expect(effectiveQuery({ kind: 'all' }, '  ')).toBe('');
    expect(effectiveQuery({ kind: 'tag', name: 'large-language-models' }, '')).toBe('tag:large-language-models');
  });
});

describe('the scaled scrollbar', () => {
  const ROW = 28;
  const VIEW = 700;

  it('is exact below the browser limit', () => {
    expect(scrollScale(100_000 * ROW, VIEW)).toEqual({ spacer: 100_000 * ROW, factor: 1 });
  });

  it('maps a million rows onto a spacer browsers can lay out, reaching the last row', () => {
    const content = 1_000_000 * ROW;
    const { spacer, factor } = scrollScale(content, VIEW);
    expect(spacer).toBe(MAX_SPACER_PX);
    // Scrolled to the bottom of the spacer, the table offset is at the bottom of the table.
    expect((spacer - VIEW) * factor).toBeCloseTo(content - VIEW, 3);
    const last = scrollTopToShow(999_999, ROW, 0, VIEW, factor);
    expect(last).not.toBeNull();
    expect(last! * factor + VIEW).toBeCloseTo(1_000_000 * ROW, 3);
    expect(last!).toBeLessThanOrEqual(spacer - VIEW + 1e-6);
  });

  it('scrolls only when the cursor row leaves the view', () => {
    expect(scrollTopToShow(10, ROW, 0, VIEW, 1)).toBeNull();
    expect(scrollTopToShow(30, ROW, 0, VIEW, 1)).toBe(31 * ROW - VIEW);
    expect(scrollTopToShow(3, ROW, 10 * ROW, VIEW, 1)).toBe(3 * ROW);
  });
});
