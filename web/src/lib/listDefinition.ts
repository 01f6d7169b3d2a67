import type { NewCustomList } from '../api/endpoints';
import type { ListFieldType } from '../api/types';

/** A column as the «Новый список» dialog holds it. */
export interface ColumnDraft {
  name?: string;
  type?: ListFieldType;
  required?: boolean;
  options?: string[];
}

/** party-service's limits (CustomListController.ListBody / Field). */
export const LIST_LIMITS = { name: 100, columns: 30, columnName: 100, options: 50, option: 100, code: 40 } as const;

const LETTERS: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** A column's code from its name, as the server wants it ([a-z][a-z0-9_]{0,39}): "Объём, т" → "obem_t". */
export function columnCode(name: string): string {
  const latin = [...name.trim().toLowerCase()].map((ch) => LETTERS[ch] ?? ch).join('');
  let code = latin.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (code && !/^[a-z]/.test(code)) code = `c_${code}`;
  return code.slice(0, LIST_LIMITS.code).replace(/_+$/, '');
}

/** Codes for the columns in order: from the names, unique ("phone", "phone_2"), "column_N" when a name gives none. */
export function columnCodes(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name, i) => {
    const base = columnCode(name) || `column_${i + 1}`;
    let code = base;
    for (let n = 2; taken.has(code); n++) {
      const suffix = `_${n}`;
      code = base.slice(0, LIST_LIMITS.code - suffix.length) + suffix;
    }
    taken.add(code);
    return code;
  });
}

/** The options of a select column: trimmed, no blanks, no repeats. */
export function cleanOptions(options: readonly string[] | undefined): string[] {
  return [...new Set((options ?? []).map((o) => o.trim()).filter(Boolean))];
}

/** POST /api/lists body: name, columns in order with their codes; options only for a select, `required` only when set. */
export function listPayload(name: string, columns: readonly ColumnDraft[]): NewCustomList {
  const codes = columnCodes(columns.map((c) => c.name ?? ''));
  return {
    name: name.trim(),
    fields: columns.map((c, i) => ({
      code: codes[i],
      name: (c.name ?? '').trim(),
      type: c.type ?? 'text',
      ...(c.type === 'select' ? { options: cleanOptions(c.options) } : {}),
      ...(c.required ? { required: true } : {}),
    })),
  };
}

/**
 * Where a refusal of party-service belongs in the dialog: "name" → the list's name, "fields[2].name"
 * (or its code, made from the name) → that column's name, "fields[2].options[0]" → its options;
 * anything else (null) goes above the columns.
 */
export function refusalPath(field: string): (string | number)[] | null {
  if (field === 'name') return ['name'];
  const m = /^fields\[(\d+)]\.(\w+)/.exec(field);
  if (!m) return null;
  const index = Number(m[1]);
  const part = m[2] === 'code' ? 'name' : m[2];
  return ['name', 'type', 'options', 'required'].includes(part) ? ['fields', index, part] : ['fields', index, 'name'];
}
