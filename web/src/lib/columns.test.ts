import { describe, expect, it } from 'vitest';
import {
  columnsStorageKey, DEAL_COLUMNS, defaultColumns, loadColumns, moveColumn, normalizeColumns, saveColumns, toggleColumn, visibleColumns,
} from './columns';

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('deal list columns', () => {
  it('has a sensible default with the title first', () => {
    const cols = defaultColumns();
    expect(cols.map((c) => c.key)).toEqual([...DEAL_COLUMNS]);
    expect(visibleColumns(cols)[0]).toBe('title');
    expect(visibleColumns(cols)).toContain('stage');
    expect(visibleColumns(cols)).not.toContain('funnel');
  });

  it('keeps the user order and visibility, drops unknown and duplicate keys, appends new columns hidden', () => {
    const saved = [
      { key: 'owner', visible: true },
      { key: 'gone', visible: true },
      { key: 'title', visible: true },
      { key: 'owner', visible: false },
      { key: 'tags', visible: false },
    ];
    const cols = normalizeColumns(saved, ['title', 'stage', 'owner', 'tags']);
    expect(cols).toEqual([
      { key: 'owner', visible: true },
      { key: 'title', visible: true },
      { key: 'tags', visible: false },
      { key: 'stage', visible: false },
    ]);
  });

  it('never hides the title, even when storage says so', () => {
    expect(normalizeColumns([{ key: 'title', visible: false }], ['title', 'stage'])).toEqual([
      { key: 'title', visible: true },
      { key: 'stage', visible: false },
    ]);
    expect(toggleColumn(defaultColumns(), 'title').find((c) => c.key === 'title')!.visible).toBe(true);
  });

  it('offers the task state column («Задача»): shown by default, and a person may hide or move it', () => {
    expect(DEAL_COLUMNS).toContain('task');
    // next to the stage, where it is seen without scrolling the table sideways
    expect(visibleColumns(defaultColumns()).slice(0, 3)).toEqual(['title', 'stage', 'task']);
    const hidden = toggleColumn(defaultColumns(), 'task');
    expect(visibleColumns(hidden)).not.toContain('task');
    // a setting saved before the column existed gets it appended, hidden: nobody's table changes by itself
    expect(normalizeColumns([{ key: 'title', visible: true }, { key: 'stage', visible: true }]).find((c) => c.key === 'task')).toEqual({ key: 'task', visible: false });
  });

  it('falls back to the default on garbage', () => {
    expect(normalizeColumns('nonsense')).toEqual(defaultColumns());
    expect(normalizeColumns([1, null, { key: 5 }])).toEqual(defaultColumns());
  });

  it('toggles and moves columns without touching the input', () => {
    const cols = defaultColumns(['title', 'stage', 'owner']);
    const toggled = toggleColumn(cols, 'owner');
    expect(cols.find((c) => c.key === 'owner')!.visible).toBe(true);
    expect(toggled.find((c) => c.key === 'owner')!.visible).toBe(false);
    expect(moveColumn(cols, 2, 0).map((c) => c.key)).toEqual(['owner', 'title', 'stage']);
    expect(moveColumn(cols, 0, 9).map((c) => c.key)).toEqual(['title', 'stage', 'owner']);
  });

  it('saves per user: one person\'s table does not change another\'s', () => {
    const storage = memoryStorage();
    const mine = moveColumn(toggleColumn(defaultColumns(), 'funnel'), 11, 1);
    saveColumns(storage, 'user-1', mine);
    expect(loadColumns(storage, 'user-1')).toEqual(mine);
    expect(loadColumns(storage, 'user-2')).toEqual(defaultColumns());
    expect(columnsStorageKey('user-1')).not.toBe(columnsStorageKey('user-2'));
  });

  it('survives broken JSON in storage', () => {
    const storage = memoryStorage();
    storage.setItem(columnsStorageKey('u'), '{not json');
    expect(loadColumns(storage, 'u')).toEqual(defaultColumns());
  });
});
