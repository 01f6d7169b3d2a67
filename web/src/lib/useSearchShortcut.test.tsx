// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { useRef, useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import '../test/dom';
import { useSearchShortcut } from './useSearchShortcut';

function Page({ withSearch = true }: { withSearch?: boolean }) {
  const search = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState('');
  useSearchShortcut(search);
  return (
    <div>
      {withSearch && <input ref={search} aria-label="Поиск" />}
      <textarea aria-label="Примечание" value={note} onChange={(e) => setNote(e.target.value)} />
      <input type="checkbox" aria-label="Выбрать" />
      <button type="button">Список</button>
      <div role="dialog"><button type="button">В диалоге</button></div>
    </div>
  );
}

/** Presses a key on an element; true when the page took it (default prevented). */
function press(target: Element, init: KeyboardEventInit): boolean {
  return !fireEvent.keyDown(target, init);
}

describe('"/" focuses the search', () => {
  it('from anywhere on the page that is not a field', () => {
    render(<Page />);
    const search = screen.getByLabelText('Поиск');
    expect(press(document.body, { key: '/', code: 'Slash' })).toBe(true);
    expect(document.activeElement).toBe(search);

    search.blur();
    expect(press(screen.getByRole('button', { name: 'Список' }), { key: '/', code: 'Slash' })).toBe(true);
    expect(document.activeElement).toBe(search);

    search.blur();
    expect(press(screen.getByLabelText('Выбрать'), { key: '/', code: 'Slash' })).toBe(true);
    expect(document.activeElement).toBe(search);
  });

  it('on a Russian layout too, where the same key types "."', () => {
    render(<Page />);
    expect(press(document.body, { key: '.', code: 'Slash' })).toBe(true);
    expect(document.activeElement).toBe(screen.getByLabelText('Поиск'));
  });

  it('leaves "/" alone while typing in a field or working in a dialog, and with Ctrl, Alt, ⌘ or Shift', () => {
    render(<Page />);
    const search = screen.getByLabelText('Поиск');
    const note = screen.getByLabelText('Примечание');
    note.focus();
    expect(press(note, { key: '/', code: 'Slash' })).toBe(false);
    expect(document.activeElement).toBe(note);
    expect(press(screen.getByRole('button', { name: 'В диалоге' }), { key: '/', code: 'Slash' })).toBe(false);
    expect(press(document.body, { key: '/', code: 'Slash', ctrlKey: true })).toBe(false);
    expect(press(document.body, { key: '/', code: 'Slash', altKey: true })).toBe(false);
    expect(press(document.body, { key: '/', code: 'Slash', metaKey: true })).toBe(false);
    expect(press(document.body, { key: ',', code: 'Slash', shiftKey: true })).toBe(false); // "," on a Russian layout
    expect(press(document.body, { key: 'a', code: 'KeyA' })).toBe(false);
    expect(document.activeElement).not.toBe(search);
  });

  it('does nothing on a page without a search box', () => {
    render(<Page withSearch={false} />);
    expect(press(document.body, { key: '/', code: 'Slash' })).toBe(false);
  });
});
