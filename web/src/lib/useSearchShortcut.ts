import { useEffect, type RefObject } from 'react';

/** Anything with focus(): an antd InputRef, an <input>. */
export interface Focusable {
  focus: () => void;
}

type KeyInfo = Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey' | 'isComposing' | 'defaultPrevented' | 'target'>;

/** Where "/" is typed, not a command: text fields, editors, dialogs and open dropdowns (not checkboxes or radios). */
const TYPING = [
  'input:not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"]):not([type="reset"]):not([type="range"]):not([type="file"])',
  'textarea', 'select', '[contenteditable]:not([contenteditable="false"])',
  '[role="dialog"]', '[role="listbox"]', '.ant-select-dropdown', '.ant-picker-dropdown',
].join(', ');

/**
 * Whether a key press is the search shortcut: "/" — or the same key on a Russian layout, where it
 * types "." (e.code Slash) — pressed outside any field, without Ctrl/Alt/⌘.
 */
export function isSearchShortcut(e: KeyInfo): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing || e.defaultPrevented) return false;
  if (e.key !== '/' && !(e.code === 'Slash' && !e.shiftKey)) return false;
  const target = e.target as Element | null;
  if (target && typeof target.closest === 'function') {
    if (target.closest(TYPING)) return false;
    if ((target as HTMLElement).isContentEditable) return false;
  }
  return true;
}

/** "/" focuses the page's search box (one per section page); nothing happens where there is none. */
export function useSearchShortcut(search: RefObject<Focusable | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!search.current || !isSearchShortcut(e)) return;
      e.preventDefault();
      search.current.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [search]);
}
