import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { mockApi, noContent, problem, requestsOf } from '../test/mockApi';
import { renderApp } from '../test/renderApp';
import { tokenFromHash } from './SetPasswordForm';

function choose(password: string, repeated = password) {
  fireEvent.change(screen.getByLabelText('Nieuw wachtwoord'), { target: { value: password } });
  fireEvent.change(screen.getByLabelText('Herhaal het nieuwe wachtwoord'), { target: { value: repeated } });
}

describe('choosing a password with an e-mailed link', () => {
  it('reads the token from the fragment', () => {
    expect(tokenFromHash('#token=abcdefghijkl')).toBe('abcdefghijkl');
    expect(tokenFromHash('#token=kort')).toBeNull();
    expect(tokenFromHash('')).toBeNull();
  });

  it('shows every broken password rule at the field', async () => {
    mockApi({
      'POST /api/v1/uitnodigingen/aanvaarding': () =>
        problem(400, 'Ongeldige invoer', 'Het wachtwoord voldoet niet aan de regels.', {
          invalidParams: [
            { name: 'wachtwoord', in: 'body', code: 'weak_password', reason: 'Gebruik minstens 12 tekens.' },
            { name: 'wachtwoord', in: 'body', code: 'weak_password', reason: 'Dit wachtwoord is te voorspelbaar.' },
          ],
        }),
    });
    renderApp('/uitnodiging#token=uitnodiging-123456');
    await screen.findByRole('heading', { level: 1, name: 'Uitnodiging aanvaarden' });
    choose('aaaa');
    fireEvent.click(screen.getByRole('button', { name: 'Wachtwoord instellen' }));

    const field = screen.getByLabelText('Nieuw wachtwoord');
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Gebruik minstens 12 tekens.'));
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Dit wachtwoord is te voorspelbaar.'));
    expect(screen.getByRole('alert')).toHaveTextContent('Nieuw wachtwoord: Dit wachtwoord is te voorspelbaar.');
  });

  it('refuses two different entries without asking the server', async () => {
    const fetchMock = mockApi({});
    renderApp('/wachtwoord-herstellen#token=herstel-1234567890');
    await screen.findByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' });
    choose('Een-lange-zin-als-wachtwoord', 'Een-andere-zin-als-wachtwoord');
    fireEvent.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('De twee wachtwoorden zijn niet gelijk.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends token and password, then goes to the login page with a confirmation', async () => {
    const fetchMock = mockApi({ 'POST /api/v1/wachtwoord-herstel/bevestiging': () => noContent() });
    renderApp('/wachtwoord-herstellen#token=herstel-1234567890');
    await screen.findByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' });
    choose('Een-lange-zin-als-wachtwoord');
    fireEvent.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent('Uw nieuwe wachtwoord is opgeslagen.');
    expect(await requestsOf(fetchMock)[0]?.json()).toEqual({
      token: 'herstel-1234567890',
      wachtwoord: 'Een-lange-zin-als-wachtwoord',
    });
  });

  it('explains a link without a token', async () => {
    mockApi({});
    renderApp('/uitnodiging');
    expect(await screen.findByRole('heading', { level: 2, name: 'Deze link is niet compleet' })).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });
});
