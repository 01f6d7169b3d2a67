/** Per-user preferences in this browser (a person's choices do not leak to a colleague at the same PC). */
export function prefKey(userId: string, name: string): string {
  return `lomcrm:${userId}:${name}`;
}

export function loadPref(userId: string, name: string): string | null {
  try {
    return window.localStorage.getItem(prefKey(userId, name));
  } catch {
    return null;
  }
}

export function savePref(userId: string, name: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(prefKey(userId, name));
    else window.localStorage.setItem(prefKey(userId, name), value);
  } catch {
    // storage disabled: the choice lasts until the page is closed
  }
}
