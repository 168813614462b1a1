import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { mockApi } from '../test/mockApi';
import { renderApp } from '../test/renderApp';
import { loggedInAs } from '../test/session';

describe('the navigation', () => {
  it('offers everyone the dashboard, the measures, the map, the products, the FAQ, the public signals and the agenda', () => {
    mockApi({});
    renderApp('/toegankelijkheid');
    const main = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(main).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Overzicht', '/'],
      ['Maatregelen', '/maatregelen'],
      ['Kaart', '/kaart'],
      ['Producten', '/producten'],
      ['Veelgestelde vragen', '/faq'],
      ['Signalen', '/openbare-signalen'],
      ['Bijeenkomsten', '/bijeenkomsten'],
    ]);
    expect(screen.queryByRole('navigation', { name: 'Redactie' })).not.toBeInTheDocument();
  });

  it('gives editors the Redactie navigation with the delivery plan', async () => {
    const { handler } = loggedInAs(['redacteur']);
    mockApi({ '/api/v1/sessies/huidig': handler });
    renderApp('/toegankelijkheid');
    const editors = await screen.findByRole('navigation', { name: 'Redactie' });
    expect(within(editors).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Nieuw product',
      'Leveringsplan',
      'Verbetervoorstellen',
    ]);
    expect(within(editors).getByRole('link', { name: 'Leveringsplan' })).toHaveAttribute('href', '/beheer/leveringsplan');
    expect(screen.queryByRole('link', { name: 'Mijn toetsingen' })).not.toBeInTheDocument();
  });

  it('gives municipal contacts Mijn toetsingen, and no Redactie navigation', async () => {
    const { handler } = loggedInAs(['gemeente']);
    mockApi({ '/api/v1/sessies/huidig': handler });
    renderApp('/toegankelijkheid');
    const account = await screen.findByRole('navigation', { name: 'Account' });
    expect(await within(account).findByRole('link', { name: 'Mijn toetsingen' })).toHaveAttribute('href', '/mijn-toetsingen');
    expect(screen.queryByRole('navigation', { name: 'Redactie' })).not.toBeInTheDocument();
  });

  it('gives editors the progress screens, and municipal contacts their own municipality', async () => {
    const editor = loggedInAs(['redacteur']);
    mockApi({ '/api/v1/sessies/huidig': editor.handler });
    const { unmount } = renderApp('/toegankelijkheid');
    const progress = await screen.findByRole('navigation', { name: 'Voortgang' });
    expect(within(progress).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([
      '/voortgang/matrix',
      '/voortgang/hulp-nodig',
      '/voortgang/uploaden',
    ]);
    unmount();

    const contact = loggedInAs(['gemeente']);
    mockApi({ '/api/v1/sessies/huidig': contact.handler });
    renderApp('/toegankelijkheid');
    const own = await screen.findByRole('navigation', { name: 'Voortgang' });
    expect(within(own).getAllByRole('link').map((link) => link.textContent)).toEqual(['Mijn gemeente', 'Bestand uploaden']);
  });

  it('gives editors the inbox and municipal contacts their own questions', async () => {
    const editor = loggedInAs(['redacteur']);
    mockApi({ '/api/v1/sessies/huidig': editor.handler });
    const { unmount } = renderApp('/toegankelijkheid');
    const team = await screen.findByRole('navigation', { name: 'Vragen' });
    expect(within(team).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([
      '/vragen',
      '/vragen/nieuw',
      '/vragen/inzicht',
    ]);
    unmount();

    const contact = loggedInAs(['gemeente']);
    mockApi({ '/api/v1/sessies/huidig': contact.handler });
    renderApp('/toegankelijkheid');
    const own = await screen.findByRole('navigation', { name: 'Vragen' });
    expect(within(own).getAllByRole('link').map((link) => link.textContent)).toEqual(['Mijn vragen', 'Vraag stellen']);
  });

  it('gives editors the register of signals and municipal contacts their own signals', async () => {
    const editor = loggedInAs(['redacteur']);
    mockApi({ '/api/v1/sessies/huidig': editor.handler });
    const { unmount } = renderApp('/toegankelijkheid');
    const team = await screen.findByRole('navigation', { name: 'Signalen' });
    expect(within(team).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([
      '/signalen',
      '/signalen/knelpunten',
      '/signalen/suggesties',
      '/signalen/rapportage',
    ]);
    unmount();

    const contact = loggedInAs(['gemeente']);
    mockApi({ '/api/v1/sessies/huidig': contact.handler });
    renderApp('/toegankelijkheid');
    const own = await screen.findByRole('navigation', { name: 'Signalen' });
    expect(within(own).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Mijn signalen', '/mijn-signalen'],
      ['Signaal melden', '/signalen/melden'],
    ]);
  });

  it('gives the team the ICT readiness screens, and municipal contacts none', async () => {
    const editor = loggedInAs(['redacteur']);
    mockApi({ '/api/v1/sessies/huidig': editor.handler });
    const { unmount } = renderApp('/toegankelijkheid');
    const team = await screen.findByRole('navigation', { name: 'ICT-gereedheid' });
    expect(within(team).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Leveranciers', '/ict/leveranciers'],
      ['Maatregelen', '/ict/maatregelen'],
      ['Import', '/ict/import'],
    ]);
    unmount();

    const contact = loggedInAs(['gemeente']);
    mockApi({ '/api/v1/sessies/huidig': contact.handler });
    renderApp('/toegankelijkheid');
    await screen.findByRole('navigation', { name: 'Account' });
    expect(screen.queryByRole('navigation', { name: 'ICT-gereedheid' })).not.toBeInTheDocument();
  });

  it('gives editors the satisfaction figures beside the survey, and no one else', async () => {
    const editor = loggedInAs(['redacteur']);
    mockApi({ '/api/v1/sessies/huidig': editor.handler });
    const { unmount } = renderApp('/toegankelijkheid');
    const team = await screen.findByRole('navigation', { name: 'Tevredenheid' });
    expect(within(team).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Cijfers', '/tevredenheid'],
      ['Peilingen', '/peilingen'],
      ['Peilingvragen', '/peilingen/vragen'],
    ]);
    unmount();

    for (const roles of [['gemeente'], ['expert']] as const) {
      const other = loggedInAs([...roles]);
      mockApi({ '/api/v1/sessies/huidig': other.handler });
      const view = renderApp('/toegankelijkheid');
      await screen.findByRole('navigation', { name: 'Account' });
      expect(screen.queryByRole('navigation', { name: 'Tevredenheid' })).not.toBeInTheDocument();
      expect(screen.queryByRole('link', { name: 'Cijfers' })).not.toBeInTheDocument();
      view.unmount();
    }
  });

  it('gives municipal contacts their survey rounds and proposals, and editors neither', async () => {
    const contact = loggedInAs(['gemeente']);
    mockApi({ '/api/v1/sessies/huidig': contact.handler });
    const { unmount } = renderApp('/toegankelijkheid');
    const account = await screen.findByRole('navigation', { name: 'Account' });
    expect(within(account).getByRole('link', { name: 'Mijn peilingen' })).toHaveAttribute('href', '/mijn-peilingen');
    expect(within(account).getByRole('link', { name: 'Mijn verbetervoorstellen' })).toHaveAttribute(
      'href',
      '/mijn-verbetervoorstellen',
    );
    unmount();

    const editor = loggedInAs(['redacteur']);
    mockApi({ '/api/v1/sessies/huidig': editor.handler });
    renderApp('/toegankelijkheid');
    const own = await screen.findByRole('navigation', { name: 'Account' });
    expect(within(own).queryByRole('link', { name: 'Mijn peilingen' })).not.toBeInTheDocument();
    expect(within(own).queryByRole('link', { name: 'Mijn verbetervoorstellen' })).not.toBeInTheDocument();
  });

  it('tells a municipal contact that the delivery plan is for editors', async () => {
    const { handler } = loggedInAs(['gemeente']);
    mockApi({ '/api/v1/sessies/huidig': handler });
    renderApp('/beheer/leveringsplan');
    expect(await screen.findByRole('heading', { level: 1, name: 'Geen toegang' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent('Deze pagina is alleen voor redacteuren en beheerders.');
  });
});
