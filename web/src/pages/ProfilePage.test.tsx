// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import '../test/dom';
import { MeContext } from '../components/MeContext';
import type { Me } from '../api/types';
import { keycloakAction } from '../lib/session';
import ProfilePage from './ProfilePage';

vi.mock('../lib/session', () => ({ keycloakAction: vi.fn(), logout: vi.fn() }));

const manager: Me = {
  id: 'u-manager1', username: 'manager1', name: 'Павел Первов', email: 'manager1@lomcrm.local', phone: '+79161234567',
  roles: ['crm-manager'], groups: ['Активные продажи'],
};

function renderProfile(me: Me) {
  return render(
    <MeContext.Provider value={me}>
      <AntApp>
        <ProfilePage />
      </AntApp>
    </MeContext.Provider>,
  );
}

describe('profile', () => {
  it('shows the phone from the account, formatted and callable', () => {
    renderProfile(manager);
    const phone = screen.getByTestId('profile-phone');
    expect(phone.textContent).toBe('+7 916 123-45-67');
    expect(phone.getAttribute('href')).toBe('tel:+79161234567');
  });

  it('says "не указан" when the account has no phone, or the gateway does not send one', () => {
    const none = renderProfile({ ...manager, phone: null });
    expect(screen.getByTestId('profile-phone').textContent).toBe('не указан');
    expect(screen.getByTestId('profile-phone').getAttribute('href')).toBeNull();
    none.unmount();
    const { phone: _, ...older } = manager;
    renderProfile(older);
    expect(screen.getByTestId('profile-phone').textContent).toBe('не указан');
  });

  it("sends the person to Keycloak's profile form to change it", () => {
    renderProfile(manager);
    fireEvent.click(screen.getByTestId('edit-phone'));
    expect(keycloakAction).toHaveBeenCalledWith('UPDATE_PROFILE');
  });
});
