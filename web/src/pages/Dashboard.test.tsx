// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fakeGateway } from '../test/dom';
import { UnsortedWidget } from './Dashboard';

async function widgetText(pending: number): Promise<string> {
  fakeGateway({ 'GET /api/unsorted': () => ({ status: 200, json: { items: [], pending } }) });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <QueryClientProvider client={client}>
      <MemoryRouter><UnsortedWidget /></MemoryRouter>
    </QueryClientProvider>,
  );
  const phrase = await screen.findByTestId('unsorted-pending');
  await screen.findByText(String(pending));
  const text = phrase.textContent ?? '';
  view.unmount();
  return text;
}

describe('dashboard: unsorted leads', () => {
  it('says the number of leads waiting in agreement with it', async () => {
    expect(await widgetText(1)).toBe('заявка ждёт разбора');
    expect(await widgetText(2)).toBe('заявки ждут разбора');
    expect(await widgetText(5)).toBe('заявок ждут разбора');
  });
});
