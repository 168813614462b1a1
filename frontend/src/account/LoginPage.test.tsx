import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { json, mockApi, problem } from '../test/mockApi';
import { renderApp } from '../test/renderApp';
import { makeUser } from '../test/session';

function fillAndSubmit(email: string, password: string) {
  const form = screen.getByRole('form', { name: 'Inloggen' });
  fireEvent.change(within(form).getByLabelText('E-mailadres'), { target: { value: email } });
  fireEvent.change(within(form).getByLabelText('Wachtwoord'), { target: { value: password } });
  fireEvent.click(within(form).getByRole('button', { name: 'Inloggen' }));
}

const session = (roles: ('gemeente' | 'redacteur' | 'beheerder')[] = ['gemeente'], tweedeFactorInstellen = false) => ({
  gebruiker: makeUser({ rollen: roles }),
  verlooptOp: '2026-11-28T10:10:00Z',
  sessieVerlooptOp: '2026-11-28T22:00:00Z',
  csrfToken: 'token',
  tweedeFactorInstellen,
});

describe('LoginPage', () => {
  it('checks the fields before sending and focuses the error summary', async () => {
    const fetchMock = mockApi({});
    renderApp('/inloggen');
    fireEvent.click(await screen.findByRole('button', { name: 'Inloggen' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Controleer de volgende gegevens');
    await waitFor(() => expect(summary.closest('.spoorboek-error-summary')).toHaveFocus());
    expect(within(summary).getByRole('link', { name: 'E-mailadres: Vul een e-mailadres in.' })).toHaveAttribute(
      'href',
      '#email',
    );
    const email = screen.getByLabelText('E-mailadres');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Vul een e-mailadres in.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows "wrong credentials" from the server and empties the password', async () => {
    mockApi({
      'POST /api/v1/sessies': () => problem(401, 'Niet geauthenticeerd', 'E-mailadres of wachtwoord onjuist.'),
    });
    renderApp('/inloggen');
    await screen.findByRole('form', { name: 'Inloggen' });
    fillAndSubmit('ulla@utrecht.example', 'fout-wachtwoord');

    expect(await screen.findByRole('alert')).toHaveTextContent('E-mailadres of wachtwoord onjuist.');
    expect(screen.getByLabelText('Wachtwoord')).toHaveValue('');
  });

  it('asks for the authenticator code when the account has a second factor, then logs in', async () => {
    const bodies: unknown[] = [];
    mockApi({
      'POST /api/v1/sessies': async (_url, request) => {
        const body = (await request.json()) as { code?: string | null };
        bodies.push(body);
        return body.code
          ? json(session(), 201)
          : problem(401, 'Niet geauthenticeerd', 'Voer ook de code uit uw authenticator-app in.', {
              code: 'tweede_factor_nodig',
            });
      },
    });
    renderApp('/inloggen?terug=%2Fmijn-account');
    await screen.findByRole('form', { name: 'Inloggen' });
    fillAndSubmit('ulla@utrecht.example', 'Goed-wachtwoord-123');

    const code = await screen.findByLabelText('Code uit uw authenticator-app');
    await waitFor(() => expect(code).toHaveFocus());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    fireEvent.change(code, { target: { value: '123 456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn account' })).toBeInTheDocument();
    expect(bodies[1]).toEqual({ email: 'ulla@utrecht.example', wachtwoord: 'Goed-wachtwoord-123', code: '123456' });
  });

  it('sends a user whose role needs a second factor to set one up', async () => {
    mockApi({ 'POST /api/v1/sessies': () => json(session(['beheerder'], true), 201) });
    renderApp('/inloggen');
    await screen.findByRole('form', { name: 'Inloggen' });
    fillAndSubmit('bea@spoorboek.example', 'Goed-wachtwoord-123');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn account' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent('Uw rol vraagt een tweede factor');
  });

  it('says how long to wait after too many attempts', async () => {
    mockApi({
      'POST /api/v1/sessies': () =>
        problem(429, 'Te veel pogingen', 'Te veel mislukte pogingen. Probeer het over 30 seconden opnieuw.', {}, {
          'Retry-After': '30',
        }),
    });
    renderApp('/inloggen');
    await screen.findByRole('form', { name: 'Inloggen' });
    fillAndSubmit('ulla@utrecht.example', 'wat-dan-ook');
    expect(await screen.findByRole('alert')).toHaveTextContent('Probeer het over 30 seconden opnieuw.');
  });
});
