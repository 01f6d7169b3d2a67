import { useEffect, useRef, type ReactNode } from 'react';
import { useBlocker } from 'react-router-dom';
import { Alert, App, Avatar, Button, Empty, Space, Spin, Tag, Tooltip } from 'antd';
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
 * Keeps a person from losing typed changes: leaving the page inside the app asks first — with
 * `save`: «Сохранить» (saved, then on), «Не сохранять» (on without them) or «Остаться»; without it:
 * leave or stay — and closing or reloading the tab asks the browser's question.
 * `save` resolves true when saved (false: refused or invalid — the person stays, the form shows why).
 */
export function useUnsavedChangesGuard(dirty: boolean, save?: () => Promise<boolean>) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  const { modal } = App.useApp();
  const saveRef = useRef(save);
  saveRef.current = save;
  const asking = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked' || asking.current) return;
    asking.current = true;
    // once: a click on «Остаться» while «Сохранить» is still saving must not answer a second time
    let settled = false;
    let saving = false;
    const finish = (go: boolean) => {
      if (settled) return;
      settled = true;
      asking.current = false;
      instance.destroy();
      if (go) blocker.proceed();
      else blocker.reset();
    };
    const withSave = saveRef.current;
    const instance = withSave
      ? modal.confirm({
        title: ru.app.unsavedSaveTitle,
        content: ru.app.unsavedSaveText,
        onCancel: () => { if (!saving) finish(false); },
        keyboard: false,
        footer: (
          <div className="unsaved-actions" data-testid="unsaved-prompt">
            <Button onClick={() => { if (!saving) finish(false); }} data-testid="unsaved-stay">{ru.app.unsavedStay}</Button>
            <Button danger onClick={() => { if (!saving) finish(true); }} data-testid="unsaved-discard">{ru.app.unsavedDiscard}</Button>
            <Button
              type="primary"
              data-testid="unsaved-save"
              onClick={async () => {
                if (saving) return;
                saving = true;
                instance.update({ closable: false });
                const saved = await withSave().catch(() => false);
                saving = false;
                finish(saved);
              }}
            >
              {ru.app.save}
            </Button>
          </div>
        ),
      })
      : modal.confirm({
        title: ru.app.unsavedTitle,
        content: ru.app.unsavedText,
        okText: ru.app.unsavedLeave,
        cancelText: ru.app.unsavedStay,
        okButtonProps: { danger: true },
        onOk: () => finish(true),
        onCancel: () => finish(false),
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

/**
 * The bar under a card's form while it holds typed changes: says so, saves (submits the form) or
 * puts the saved values back.
 */
export function UnsavedBar({ saving, onRevert, testId }: { saving: boolean; onRevert: () => void; testId?: string }) {
  return (
    <div className="sticky-save unsaved-bar" role="status" data-testid="unsaved-bar">
      <span className="unsaved-text">{ru.app.unsavedBar}</span>
      <Space size={6}>
        <Button htmlType="button" onClick={onRevert} data-testid="unsaved-revert">{ru.app.unsavedRevert}</Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid={testId}>{ru.app.save}</Button>
      </Space>
    </div>
  );
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
