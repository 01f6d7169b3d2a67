import { csrfToken } from '../api/http';

/** Signs out at the gateway and at Keycloak: a real form POST, so the browser follows the redirects. */
export function logout(): void {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = '/logout';
  const token = csrfToken();
  if (token) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = '_csrf';
    input.value = token;
    form.appendChild(input);
  }
  document.body.appendChild(form);
  form.submit();
}

/**
 * Keycloak's own pages for account changes (application-initiated actions): the gateway passes
 * kc_action on to Keycloak, which shows the form and sends the person back signed in.
 */
export function keycloakAction(action: 'UPDATE_PASSWORD' | 'UPDATE_PROFILE'): void {
  window.location.assign(`/oauth2/authorization/keycloak?kc_action=${action}`);
}
