// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { useState } from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fakeGateway } from '../../test/dom';
import { MeContext } from '../MeContext';
import type { Me } from '../../api/types';
import { TaskDialog } from './TaskDialog';

const manager: Me = { id: 'u-manager1', username: 'manager1', name: 'Менеджер Первый', email: null, roles: ['crm-manager'], groups: ['Активные продажи'] };
const deal = { type: 'deal' as const, id: 'd-1', name: 'Лом 3А, Металлбаза' };

function Harness({ client }: { client: QueryClient }) {
  const [renders, setRenders] = useState(0);
  return (
    <QueryClientProvider client={client}>
      <MeContext.Provider value={manager}>
        <AntApp>
          <button onClick={() => setRenders((n) => n + 1)}>перерисовать {renders}</button>
          {/* a fresh `defaults` object on every render, as the deal card passes it */}
          <TaskDialog open defaults={{ link: deal }} onClose={() => {}} />
        </AntApp>
      </MeContext.Provider>
    </QueryClientProvider>
  );
}

describe('task dialog', () => {
  it('keeps what the person typed when the page re-renders and the task types arrive late', async () => {
    let releaseTypes: () => void = () => {};
    const typesArrive = new Promise<void>((resolve) => { releaseTypes = resolve; });
    const sent = fakeGateway({
      'GET /api/tasks/types': async () => {
        await typesArrive;
        return { status: 200, json: { items: [{ code: 'letter', name: 'Письмо' }, { code: 'call', name: 'Звонок' }] } };
      },
      'GET /api/deals': () => ({ status: 200, json: { items: [], total: 0, page: 0, size: 20 } }),
      'POST /api/tasks': (body) => ({ status: 201, json: { id: 't-1', ...(body as object) } }),
    });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(<Harness client={client} />);

    fireEvent.change(await screen.findByTestId('task-text'), { target: { value: 'Позвонить по объёмам' } });
    fireEvent.click(screen.getByRole('button', { name: /перерисовать/ }));
    await act(async () => { releaseTypes(); await typesArrive; });
    await waitFor(() => expect(client.getQueryData(['task-types'])).toBeDefined());
    expect(screen.getByTestId('task-text')).toHaveProperty('value', 'Позвонить по объёмам');

    fireEvent.click(screen.getByTestId('task-save'));
    await waitFor(() => expect(sent.some((r) => r.method === 'POST')).toBe(true));
    const created = sent.find((r) => r.method === 'POST')!;
    expect(created.path).toBe('/api/tasks');
    expect(created.body).toMatchObject({ text: 'Позвонить по объёмам', type: 'letter', link: { type: 'deal', id: 'd-1' } });
  });

  it('names the link fields: «Связана с» (not required) and the chosen kind of record (required once chosen)', async () => {
    fakeGateway({
      'GET /api/tasks/types': () => ({ status: 200, json: { items: [{ code: 'call', name: 'Звонок' }] } }),
      'GET /api/deals': () => ({ status: 200, json: { items: [], total: 0, page: 0, size: 20 } }),
    });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const { container } = render(<Harness client={client} />);
    await screen.findByTestId('task-text');
    const labels = () => [...document.querySelectorAll('.ant-form-item-label label')];
    const linkType = labels().find((l) => l.textContent === 'Связана с');
    expect(linkType).toBeDefined();
    expect(linkType!.classList.contains('ant-form-item-required')).toBe(false);
    const linkId = labels().find((l) => l.textContent === 'Сделка');
    expect(linkId).toBeDefined();
    expect(linkId!.classList.contains('ant-form-item-required')).toBe(true);
    // no nameless label carrying a lone asterisk
    expect(labels().filter((l) => !l.textContent?.trim() && l.classList.contains('ant-form-item-required'))).toEqual([]);
    expect(container).toBeDefined();
  });

  it('a save after a failed one sends the same Idempotency-Key, so a retry never makes a second task', async () => {
    const answers = [{ status: 503, json: { detail: 'Сервис задач недоступен' } }];
    const sent = fakeGateway({
      'GET /api/tasks/types': () => ({ status: 200, json: { items: [{ code: 'call', name: 'Звонок' }] } }),
      'GET /api/deals': () => ({ status: 200, json: { items: [], total: 0, page: 0, size: 20 } }),
      'POST /api/tasks': (body) => answers.shift() ?? { status: 201, json: { id: 't-1', ...(body as object) } },
    });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(<Harness client={client} />);
    fireEvent.change(await screen.findByTestId('task-text'), { target: { value: 'Позвонить по объёмам' } });
    fireEvent.click(screen.getByTestId('task-save'));
    expect(await screen.findByText('Сервис задач недоступен')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('task-save').className).not.toMatch(/loading/));
    fireEvent.click(screen.getByTestId('task-save'));
    await waitFor(() => expect(sent.filter((r) => r.method === 'POST')).toHaveLength(2));
    const [first, retry] = sent.filter((r) => r.method === 'POST').map((r) => r.headers['idempotency-key']);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(retry).toBe(first);
  });
});
