import { useEffect, type ReactNode } from 'react';
import { useBlocker } from 'react-router-dom';
import { Alert, App, Avatar, Button, Empty, Spin, Tag, Tooltip } from 'antd';
import { ru } from '../i18n/ru';
import { messageOf } from '../api/http';
import { initials } from '../lib/format';
import type { UserRef } from '../api/types';

/** The bar at the top of a section: title or selector on the left, search in the middle, actions on the right. */
export function PageHeader({ left, middle, right }: { left: ReactNode; middle?: ReactNode; right?: ReactNode }) {
  return (
    <header className="page-header">
      <div className="page-header-left">{left}</div>
      <div className="page-header-middle">{middle}</div>
      <div className="page-header-right">{right}</div>
    </header>
  );
}

export function Loading({ label = ru.app.loading }: { label?: string }) {
  return (
    <div className="state-box" role="status" aria-live="polite">
      <Spin /> <span className="muted">{label}</span>
    </div>
  );
}

export function ErrorState({ error, onRetry, title = ru.errors.loadFailed }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <Alert
      type="error"
      showIcon
      message={title}
      description={messageOf(error)}
      action={onRetry ? <Button size="small" onClick={onRetry}>{ru.app.retry}</Button> : undefined}
      style={{ margin: 16 }}
    />
  );
}

export function EmptyState({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} className="empty-state">
      {children}
    </Empty>
  );
}

export function UserName({ user, fallback = ru.app.none }: { user: UserRef | null | undefined; fallback?: string }) {
  if (!user) return <span className="muted">{fallback}</span>;
  return <span>{user.name || user.username || fallback}</span>;
}

export function UserAvatar({ user, size = 'small' }: { user: UserRef | null | undefined; size?: 'small' | 'default' }) {
  const name = user?.name || user?.username || '';
  return (
    <Tooltip title={name}>
      <Avatar size={size} style={{ background: '#64748b', fontSize: 11 }} aria-label={name}>{initials(name)}</Avatar>
    </Tooltip>
  );
}

export function TagChips({ tags, max = 6 }: { tags: string[]; max?: number }) {
  if (!tags.length) return null;
  const shown = tags.slice(0, max);
  return (
    <span className="tag-chips">
      {shown.map((t) => <Tag key={t} className="tag-chip">{t}</Tag>)}
      {tags.length > max && <Tag className="tag-chip">+{tags.length - max}</Tag>}
    </span>
  );
}

/**
 * Keeps a person from losing typed changes: leaving the page inside the app asks first, and so
 * does closing or reloading the tab.
 */
export function useUnsavedChangesGuard(dirty: boolean) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  const { modal } = App.useApp();
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: ru.app.unsavedTitle,
      content: ru.app.unsavedText,
      okText: ru.app.unsavedLeave,
      cancelText: ru.app.unsavedStay,
      okButtonProps: { danger: true },
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal]);
  useEffect(() => {
    if (!dirty) return;
    const handler = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', handler);
    return () => window.removeEventListener('beforeunload', handler);
  }, [dirty]);
}

/** Asks before a dialog with typed changes is closed (Esc, ×, Отмена). */
export function useConfirmDiscard() {
  const { modal } = App.useApp();
  return (dirty: boolean, close: () => void) => {
    if (!dirty) {
      close();
      return;
    }
    modal.confirm({
      title: ru.app.unsavedTitle,
      content: ru.app.unsavedText,
      okText: ru.app.unsavedLeave,
      cancelText: ru.app.unsavedStay,
      okButtonProps: { danger: true },
      onOk: close,
    });
  };
}

/** Field errors named by the server, for antd's form.setFields. */
export function fieldErrors(error: unknown, known: readonly string[]): { name: string; errors: string[] }[] {
  const e = error as { errors?: { field: string; message: string }[] };
  if (!e?.errors) return [];
  return e.errors
    .map((f) => ({ name: f.field.replace(/\[\d+]$/, '').split('.').pop()!, errors: [f.message] }))
    .filter((f) => known.includes(f.name));
}
