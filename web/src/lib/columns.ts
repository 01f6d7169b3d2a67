/** A column of the deal list and whether the user shows it. */
export interface ColumnSetting {
  key: string;
  visible: boolean;
}

/** Every column the deal list can show, in the default order. */
export const DEAL_COLUMNS = [
  'title', 'stage', 'task', 'company', 'contact', 'owner', 'expectedVolumeT', 'tags', 'deliveries', 'createdAt', 'updatedAt', 'funnel',
] as const;

export type DealColumn = (typeof DEAL_COLUMNS)[number];

/** Shown when a user has not chosen yet. */
const DEFAULT_VISIBLE: ReadonlySet<string> = new Set(['title', 'stage', 'company', 'contact', 'owner', 'expectedVolumeT', 'tags', 'task', 'updatedAt']);

/** The title always stays: a row must be recognisable and open the card. */
export const REQUIRED_COLUMNS: ReadonlySet<string> = new Set(['title']);

/** The columns a list sorts by on the server (see deal-service's sortable keys). */
export const SORTABLE_COLUMNS: Readonly<Record<string, string>> = {
  title: 'title', stage: 'stage', expectedVolumeT: 'expectedVolumeT', deliveries: 'deliveries', createdAt: 'createdAt', updatedAt: 'updatedAt',
};

export function defaultColumns(all: readonly string[] = DEAL_COLUMNS): ColumnSetting[] {
  return all.map((key) => ({ key, visible: DEFAULT_VISIBLE.has(key) || REQUIRED_COLUMNS.has(key) }));
}

/**
 * The user's saved setting made safe against change: unknown keys dropped, duplicates dropped,
 * columns added since appended (hidden), required ones forced visible. Garbage gives the default.
 */
export function normalizeColumns(saved: unknown, all: readonly string[] = DEAL_COLUMNS): ColumnSetting[] {
  if (!Array.isArray(saved)) return defaultColumns(all);
  const known = new Set(all);
  const seen = new Set<string>();
  const result: ColumnSetting[] = [];
  for (const item of saved) {
    if (!item || typeof item !== 'object') continue;
    const { key, visible } = item as { key?: unknown; visible?: unknown };
    if (typeof key !== 'string' || !known.has(key) || seen.has(key)) continue;
    seen.add(key);
    result.push({ key, visible: REQUIRED_COLUMNS.has(key) ? true : visible === true });
  }
  if (result.length === 0) return defaultColumns(all);
  for (const key of all) {
    if (!seen.has(key)) result.push({ key, visible: REQUIRED_COLUMNS.has(key) });
  }
  return result;
}

export function visibleColumns(settings: readonly ColumnSetting[]): string[] {
  return settings.filter((c) => c.visible).map((c) => c.key);
}

export function toggleColumn(settings: readonly ColumnSetting[], key: string): ColumnSetting[] {
  if (REQUIRED_COLUMNS.has(key)) return [...settings];
  return settings.map((c) => (c.key === key ? { ...c, visible: !c.visible } : c));
}

/** Moves a column from one position to another (drag in the settings list, or the arrows). */
export function moveColumn(settings: readonly ColumnSetting[], from: number, to: number): ColumnSetting[] {
  if (from === to || from < 0 || to < 0 || from >= settings.length || to >= settings.length) return [...settings];
  const next = [...settings];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** localStorage key of a user's setting: each person arranges their own table. */
export function columnsStorageKey(userId: string, table = 'deals'): string {
  return `lomcrm:${userId}:columns:${table}`;
}

/** Reads a user's columns from storage (bad JSON or none → the default). */
export function loadColumns(storage: Pick<Storage, 'getItem'>, userId: string, table = 'deals', all: readonly string[] = DEAL_COLUMNS): ColumnSetting[] {
  try {
    const raw = storage.getItem(columnsStorageKey(userId, table));
    return normalizeColumns(raw ? JSON.parse(raw) : null, all);
  } catch {
    return defaultColumns(all);
  }
}

export function saveColumns(storage: Pick<Storage, 'setItem'>, userId: string, settings: readonly ColumnSetting[], table = 'deals'): void {
  try {
    storage.setItem(columnsStorageKey(userId, table), JSON.stringify(settings));
  } catch {
    // storage full or disabled: the setting lives until the page is closed
  }
}
