import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { json, mockApi, problem } from '../test/mockApi';
import { renderApp } from '../test/renderApp';
import { loggedInAs } from '../test/session';
import { loginPath, safeReturnPath } from './returnPath';

describe('the header', () => {
  it('offers only "Inloggen" to a visitor, and asks the server nothing about a session', async () => {
    const fetchMock = mockApi({});
    renderApp('/toegankelijkheid');
    const account = screen.getByRole('navigation', { name: 'Account' });
    expect(within(account).getByRole('link', { name: 'Inloggen' })).toHaveAttribute(
      'href',
      '/inloggen?terug=%2Ftoegankelijkheid',
    );
    expect(screen.queryByRole('navigation', { name: 'Beheer' })).not.toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(await screen.findByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' })).toBeInTheDocument();
  });

  it("shows an admin's name, Mijn account, Uitloggen and the Beheer navigation", async () => {
    const { handler } = loggedInAs(['beheerder'], { naam: 'Bea Beheer' });
    mockApi({ '/api/v1/sessies/huidig': handler });
    renderApp('/toegankelijkheid');
    const account = await screen.findByRole('navigation', { name: 'Account' });
    expect(await within(account).findByText('Bea Beheer')).toBeInTheDocument();
    expect(within(account).getByRole('link', { name: 'Mijn account' })).toHaveAttribute('href', '/mijn-account');
    expect(within(account).getByRole('button', { name: 'Uitloggen' })).toBeInTheDocument();
    const admin = screen.getByRole('navigation', { name: 'Beheer' });
    expect(within(admin).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Gebruikers',
      'Koppelingen',
      'Auditlog',
      'E-mailvoorbeelden',
    ]);
  });

  it('shows no Beheer navigation to a municipal contact', async () => {
    const { handler } = loggedInAs(['gemeente']);
    mockApi({ '/api/v1/sessies/huidig': handler });
    renderApp('/toegankelijkheid');
    expect(await screen.findByText('Ulla Utrecht')).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Beheer' })).not.toBeInTheDocument();
  });
});

describe('protected pages', () => {
  it('tells a logged-in non-admin that an admin page is not for them', async () => {
    const { handler } = loggedInAs(['redacteur']);
    mockApi({ '/api/v1/sessies/huidig': handler });
    renderApp('/beheer/gebruikers');
    expect(await screen.findByRole('heading', { level: 1, name: 'Geen toegang' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent('Deze pagina is alleen voor beheerders.');
  });

  it('sends a visitor to the login page, remembering where they wanted to go', async () => {
    mockApi({});
    renderApp('/beheer/auditlog?gebeurtenis=login.gelukt');
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent('Log in om deze pagina te bekijken.');
  });

  it('shows an admin the admin page', async () => {
    const { handler } = loggedInAs(['beheerder']);
    mockApi({
      '/api/v1/sessies/huidig': handler,
      '/api/v1/gebruikers': () =>
        json({
          resultaten: [],
          paginering: { pagina: 1, paginaGrootte: 20, totaal: 0, aantalPaginas: 0 },
          _links: { self: { href: '/api/v1/gebruikers' }, first: { href: '' }, last: { href: '' } },
        }),
      '/api/v1/gemeenten': () =>
        json({
          resultaten: [],
          paginering: { pagina: 1, paginaGrootte: 100, totaal: 0, aantalPaginas: 1 },
          _links: { self: { href: '' }, first: { href: '' }, last: { href: '' } },
        }),
    });
    renderApp('/beheer/gebruikers');
    expect(await screen.findByRole('heading', { level: 1, name: 'Gebruikers' })).toBeInTheDocument();
    expect(await screen.findByText('Geen gebruikers gevonden die aan de filters voldoen.')).toBeInTheDocument();
  });
});

describe('what the API says about the session', () => {
  it('sends a user whose role needs a second factor to that section of Mijn account', async () => {
    const { handler, gebruiker } = loggedInAs(['beheerder']);
    mockApi({
      '/api/v1/sessies/huidig': handler,
      '/api/v1/gebruikers': () =>
        problem(403, 'Geen toegang', 'Uw rol vraagt een tweede factor. Stel die eerst in bij Mijn account.', {
          code: 'tweede_factor_instellen',
        }),
      '/api/v1/gemeenten': () => json({ resultaten: [], paginering: { pagina: 1, paginaGrootte: 100, totaal: 0, aantalPaginas: 1 } }),
      '/api/v1/mijn-account': () => json(gebruiker),
    });
    renderApp('/beheer/gebruikers');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn account' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent('Uw rol vraagt een tweede factor. Stel die eerst in.');
    expect(await screen.findByRole('heading', { level: 2, name: 'Tweede factor' })).toBeInTheDocument();
  });

  it('when the session cannot be renewed: a polite message and the login page', async () => {
    const { handler } = loggedInAs(['gemeente']);
    mockApi({
      '/api/v1/sessies/huidig': handler,
      '/api/v1/mijn-account': () => problem(401, 'Niet geauthenticeerd', 'De sessie is beëindigd. Log opnieuw in.'),
      'POST /api/v1/sessies/huidig/vernieuwing': () =>
        problem(401, 'Niet geauthenticeerd', 'De sessie is verlopen. Log opnieuw in.'),
    });
    renderApp('/mijn-account');
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent('Uw sessie is verlopen. Log opnieuw in.');
    expect(within(screen.getByRole('navigation', { name: 'Account' })).getByRole('link', { name: 'Inloggen' })).toBeInTheDocument();
  });
});

describe('return paths', () => {
  it('accepts only paths on this site, and never the login flow itself', () => {
    expect(safeReturnPath('/beheer/gebruikers?rol=gemeente')).toBe('/beheer/gebruikers?rol=gemeente');
    expect(safeReturnPath('https://evil.example/')).toBeNull();
    expect(safeReturnPath('//evil.example/')).toBeNull();
    expect(safeReturnPath('/\\evil.example')).toBeNull();
    expect(safeReturnPath('/inloggen?terug=/x')).toBeNull();
    expect(safeReturnPath('/uitnodiging#token=abc')).toBeNull();
    expect(loginPath('/')).toBe('/inloggen');
    expect(loginPath('/mijn-account')).toBe('/inloggen?terug=%2Fmijn-account');
  });
});
