// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, Link, RouterProvider } from 'react-router-dom';
import { fakeGateway } from '../../test/dom';
import type { DealCard } from '../../api/types';
import { ru } from '../../i18n/ru';
import { DealFields } from './DealFields';

const NBSP = '\u00a0';
const owner = { id: 'u-manager1', username: 'manager1', name: 'Менеджер Первый' };

const deal = {
  id: 'd-1', title: 'Металлобаза на Складской', funnel: 'scrap', stage: 'qualified', owner, contact: null, company: null,
  details: { expectedMonthlyVolumeT: 40, metalGrades: [], priceTerms: null, address: null, notes: null, questionnaire: {} },
  tags: [], deliveries: [], deliveredKg: null, hasOpenTask: true, closed: false, lossReason: null, source: 'manual', promotedFrom: null,
  createdAt: '2026-03-01T09:00:00Z', updatedAt: '2026-03-02T09:00:00Z', version: 3,
} as unknown as DealCard;

function renderCard(card: DealCard = deal) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([
    { path: '/deals/:id', element: <><Link to="/deals">К сделкам</Link><DealFields deal={card} disabled={false} /></> },
    { path: '/deals', element: <p data-testid="deals-page">Сделки</p> },
  ], { initialEntries: ['/deals/d-1'] });
  render(
    <QueryClientProvider client={client}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </QueryClientProvider>,
  );
  return router;
}

const titleInput = () => screen.getByLabelText(ru.card.title) as HTMLInputElement;
const volumeInput = () => screen.getByLabelText(ru.card.expectedVolume) as HTMLInputElement;

describe('the deal card keeps typed changes', () => {
  it('says so while a field holds an unsaved change, and «Отменить» puts the saved value back', async () => {
    fakeGateway({});
    renderCard();
    await screen.findByTestId('deal-fields');
    expect(screen.queryByTestId('unsaved-bar')).toBeNull();
    fireEvent.change(titleInput(), { target: { value: 'Металлобаза на Складской, 3А' } });
    const bar = await screen.findByTestId('unsaved-bar');
    expect(bar.textContent).toContain(ru.app.unsavedBar);
    fireEvent.click(screen.getByTestId('unsaved-revert'));
    await waitFor(() => expect(screen.queryByTestId('unsaved-bar')).toBeNull());
    expect(titleInput().value).toBe('Металлобаза на Складской');
  });

  it('asks before leaving the card; «Сохранить» sends the PATCH with the version, then goes on', async () => {
    const sent = fakeGateway({
      'PATCH /api/deals/d-1': (body) => ({ status: 200, json: { ...deal, title: (body as { title: string }).title, version: 4 } }),
    });
    const faked = globalThis.fetch;
    const ifMatch: (string | null)[] = [];
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'PATCH') ifMatch.push(new Headers(init.headers).get('If-Match'));
      return faked(input, init);
    });
    const router = renderCard();
    await screen.findByTestId('deal-fields');
    fireEvent.change(titleInput(), { target: { value: 'Новое название' } });
    await screen.findByTestId('unsaved-bar');
    fireEvent.click(screen.getByText('К сделкам'));
    const prompt = await screen.findByTestId('unsaved-prompt');
    expect(document.body.textContent).toContain(ru.app.unsavedSaveTitle);
    expect(prompt.textContent).toContain(ru.app.save);
    expect(prompt.textContent).toContain(ru.app.unsavedDiscard);
    expect(prompt.textContent).toContain(ru.app.unsavedStay);
    expect(router.state.location.pathname).toBe('/deals/d-1');
    fireEvent.click(screen.getByTestId('unsaved-save'));
    await screen.findByTestId('deals-page');
    expect(sent.filter((r) => r.method === 'PATCH')).toEqual([{ method: 'PATCH', path: '/api/deals/d-1', body: { title: 'Новое название' } }]);
    expect(ifMatch).toEqual(['"3"']);
  });

  it('«Остаться» keeps the card and the typed text; «Не сохранять» leaves without a request', async () => {
    const sent = fakeGateway({});
    const router = renderCard();
    await screen.findByTestId('deal-fields');
    fireEvent.change(titleInput(), { target: { value: 'Черновик' } });
    await screen.findByTestId('unsaved-bar');
    fireEvent.click(screen.getByText('К сделкам'));
    fireEvent.click(await screen.findByTestId('unsaved-stay'));
    await waitFor(() => expect(router.state.blockers.size === 0 || [...router.state.blockers.values()].every((b) => b.state === 'unblocked')).toBe(true));
    expect(router.state.location.pathname).toBe('/deals/d-1');
    expect(titleInput().value).toBe('Черновик');
    const before = screen.queryAllByTestId('unsaved-discard').length; // a closed dialog may linger in jsdom while it fades
    fireEvent.click(screen.getByText('К сделкам'));
    await waitFor(() => expect(screen.queryAllByTestId('unsaved-discard').length).toBeGreaterThan(before));
    fireEvent.click(screen.getAllByTestId('unsaved-discard').at(-1)!);
    await screen.findByTestId('deals-page');
    expect(sent.filter((r) => r.method === 'PATCH')).toEqual([]);
  });

  it('asks the browser before a reload while changes are unsaved', async () => {
    fakeGateway({});
    renderCard();
    await screen.findByTestId('deal-fields');
    const before = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(before);
    expect(before.defaultPrevented).toBe(false);
    fireEvent.change(titleInput(), { target: { value: 'Черновик' } });
    await screen.findByTestId('unsaved-bar');
    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(true);
  });

  it('shows and reads the volume the Russian way: 40 000 and 12,5, never 40,000', async () => {
    const sent = fakeGateway({
      'PATCH /api/deals/d-1': () => ({ status: 200, json: { ...deal, version: 4 } }),
    });
    renderCard();
    await screen.findByTestId('deal-fields');
    expect(volumeInput().value).toBe('40');
    fireEvent.focus(volumeInput());
    fireEvent.change(volumeInput(), { target: { value: '40 000' } });
    fireEvent.blur(volumeInput());
    await waitFor(() => expect(volumeInput().value).toBe(`40${NBSP}000`));
    fireEvent.focus(volumeInput());
    fireEvent.change(volumeInput(), { target: { value: '12,5' } });
    fireEvent.blur(volumeInput());
    await waitFor(() => expect(volumeInput().value).toBe('12,5'));
    fireEvent.click(await screen.findByTestId('save-deal'));
    await waitFor(() => expect(sent.some((r) => r.method === 'PATCH')).toBe(true));
    expect(sent.find((r) => r.method === 'PATCH')!.body).toEqual({ expectedMonthlyVolumeT: 12.5 });
  });
});
