// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ru } from '../../i18n/ru';
import { company, partyGateway, renderCard } from './partyTestKit';

describe("a company's card fields", () => {
  it('shows its phone once: in the field, with a call button beside it', async () => {
    partyGateway();
    renderCard('/companies/co-1');
    const fields = await screen.findByTestId('party-fields');
    const shown = (fields.textContent ?? '') + [...fields.querySelectorAll('input')].map((i) => i.value).join(' ');
    expect(shown.split('+7 495 123-45-67')).toHaveLength(2);
    const call = within(fields).getByTestId('party-call');
    expect(call.getAttribute('href')).toBe('tel:+74951234567');
    expect(call.getAttribute('aria-label')).toBe(ru.party.call('+7 495 123-45-67'));
  });

  it('says when changes are unsaved, asks before leaving and saves them with «Сохранить»', async () => {
    const sent = partyGateway({
      'PATCH /api/companies/co-1': () => ({ status: 200, json: { ...company, card: { ...company.card, site: 'vtormet.ru' }, version: 4 } }),
    });
    const { router } = renderCard('/companies/co-1');
    const fields = await screen.findByTestId('party-fields');
    expect(screen.queryByTestId('unsaved-bar')).toBeNull();
    fireEvent.change(within(fields).getByLabelText(ru.party.site), { target: { value: 'vtormet.ru' } });
    expect((await screen.findByTestId('unsaved-bar')).textContent).toContain(ru.app.unsavedBar);

    fireEvent.click(screen.getByText(ru.party.backToLists));
    await screen.findByTestId('unsaved-prompt');
    expect(router.state.location.pathname).toBe('/companies/co-1');
    fireEvent.click(screen.getByTestId('unsaved-save'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/lists/companies'));
    expect(sent.filter((r) => r.method === 'PATCH')).toEqual([{ method: 'PATCH', path: '/api/companies/co-1', body: { site: 'vtormet.ru' } }]);
  });
});
