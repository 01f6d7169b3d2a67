// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { useState } from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { fakeGateway } from '../../test/dom';
import { renderRoutes } from '../../test/render';
import type { Funnel, Me } from '../../api/types';
import { CreateDealDialog } from './CreateDealDialog';

const manager: Me = { id: 'u-manager1', username: 'manager1', name: 'Менеджер Первый', email: null, roles: ['crm-manager'], groups: ['Активные продажи'] };
const funnel: Funnel = {
  code: 'lom', name: 'ЛОМ', closable: true, position: 0,
  stages: [{ code: 'lead', name: 'Лид', kind: 'open' }, { code: 'won', name: 'Успешно', kind: 'won' }],
} as Funnel;

/** As the app mounts it: antd's App inside the router, so the «Сделка создана» message can hold a link. */
function Harness() {
  const [open, setOpen] = useState(false);
  return (
    <AntApp component={false}>
      <button onClick={() => setOpen(true)}>открыть</button>
      <span data-testid="dialog-state">{open ? 'открыт' : 'закрыт'}</span>
      <CreateDealDialog open={open} funnel={funnel} onClose={() => setOpen(false)} />
    </AntApp>
  );
}

/** Answers to POST /api/deals in turn (201 once they run out). */
function gateway(...first: { status: number; json?: unknown }[]) {
  return fakeGateway({
    'GET /api/users': () => ({ status: 200, json: { items: [] } }),
    'GET /api/contacts': () => ({ status: 200, json: { items: [], total: 0 } }),
    'GET /api/companies': () => ({ status: 200, json: { items: [], total: 0 } }),
    'POST /api/deals': (body) => first.shift() ?? { status: 201, json: { id: 'd-1', version: 0, ...(body as object) } },
  });
}

async function typeTitleAndCreate(title: string) {
  const dialog = await screen.findByTestId('create-deal-dialog');
  fireEvent.change(within(dialog).getByRole('textbox', { name: /Название/ }), { target: { value: title } });
  fireEvent.click(within(dialog).getByRole('button', { name: /Создать/ }));
}

const keysOf = (sent: ReturnType<typeof gateway>) =>
  sent.filter((r) => r.method === 'POST' && r.path === '/api/deals').map((r) => r.headers['idempotency-key']);

describe('create deal dialog: one Idempotency-Key per opening', () => {
  it('a submit after a failed one sends the same key; the next opening after a success a new one', async () => {
    const sent = gateway({ status: 500, json: { detail: 'Сервер не ответил' } });
    renderRoutes(manager, [{ path: '/', element: <Harness /> }], '/');
    fireEvent.click(screen.getByRole('button', { name: 'открыть' }));

    await typeTitleAndCreate('Лом 3А, Металлбаза');
    expect(await screen.findByTestId('create-deal-error')).toHaveProperty('textContent', 'Сервер не ответил');
    const create = within(screen.getByTestId('create-deal-dialog')).getByRole('button', { name: /Создать/ });
    await waitFor(() => expect(create.className).not.toMatch(/loading/));
    fireEvent.click(create);
    await waitFor(() => expect(keysOf(sent)).toHaveLength(2));
    const [first, retry] = keysOf(sent);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(retry).toBe(first);

    // saved: the dialog closes; opened again for another deal it has a new key
    await waitFor(() => expect(screen.getByTestId('dialog-state').textContent).toBe('закрыт'));
    fireEvent.click(screen.getByRole('button', { name: 'открыть' }));
    await typeTitleAndCreate('Чугун, Вторчермет');
    await waitFor(() => expect(keysOf(sent)).toHaveLength(3));
    expect(keysOf(sent)[2]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keysOf(sent)[2]).not.toBe(first);
  });

  it('a refusal the server keeps (400) gives the corrected form a new key, or the server would refuse it as reused', async () => {
    const sent = gateway({ status: 400, json: { detail: 'Название слишком длинное', errors: [{ field: 'title', message: 'Название слишком длинное' }] } });
    renderRoutes(manager, [{ path: '/', element: <Harness /> }], '/');
    fireEvent.click(screen.getByRole('button', { name: 'открыть' }));
    await typeTitleAndCreate('Очень длинное название');
    expect(await screen.findByTestId('create-deal-error')).toHaveProperty('textContent', 'Название слишком длинное');
    await typeTitleAndCreate('Лом');
    await waitFor(() => expect(keysOf(sent)).toHaveLength(2));
    expect(keysOf(sent)[1]).not.toBe(keysOf(sent)[0]);
  });
});
