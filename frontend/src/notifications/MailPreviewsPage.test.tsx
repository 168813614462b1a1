import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { json, mockApi, problem } from '../test/mockApi';
import { renderApp } from '../test/renderApp';
import { loggedInAs } from '../test/session';
import { frameDocument, type MailPreview } from './MailPreviewsPage';

const FIND = { timeout: 5000 };

const INVITED: MailPreview = {
  naam: 'toetsing-uitgenodigd',
  omschrijving: 'Uitnodiging om te toetsen',
  onderwerp: 'Toetsen: Handreiking giftenvrijlating',
  tekst: 'Beste Voorbeeld Persoon,\n\nToetsen: Handreiking giftenvrijlating\n\nBekijken in Spoorboek: https://spoorboek.example/producten/1',
  html:
    '<!DOCTYPE html><html lang="nl"><head><title>Toetsen</title><style>p { color: red }</style></head>' +
    '<body style="margin: 0;background: #f3f3f3;"><h1 style="font-size: 22px;">Toetsen: Handreiking giftenvrijlating</h1>' +
    '<script>parent.document.title = "gekaapt"</script><p>Beste Voorbeeld Persoon,</p>' +
    '<p><a class="button" data-style="x" href="https://spoorboek.example/producten/1" style="color: #ffffff;">Bekijken</a></p>' +
    '<p>Tekst met style=vet erin</p></body></html>',
  headers: {
    'List-Unsubscribe': '<https://spoorboek.example/api/v1/meldingen/afmelden?token=voorbeeld-afmeldcode-niet-geldig>',
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
};

const DAILY: MailPreview = {
  naam: 'dagoverzicht',
  omschrijving: 'Dagoverzicht',
  onderwerp: 'Uw dagoverzicht van Spoorboek',
  tekst: 'Beste Voorbeeld Persoon,\n\nVandaag in Spoorboek:',
  html: '<!DOCTYPE html><html lang="nl"><body><p>Vandaag in Spoorboek</p></body></html>',
  headers: {},
};

function adminApi(previews: () => Response) {
  const { handler } = loggedInAs(['beheerder'], { naam: 'Bea Beheer', gemeenten: [] });
  return mockApi({
    '/api/v1/sessies/huidig': handler,
    '/api/v1/meldingen/aantal-ongelezen': () => json({ ongelezen: 0 }),
    '/api/v1/e-mailvoorbeelden': previews,
  });
}

describe('the mail previews', () => {
  it('are in the Beheer navigation', async () => {
    adminApi(() => json({ voorbeelden: [] }));
    renderApp('/toegankelijkheid');
    const admin = await screen.findByRole('navigation', { name: 'Beheer' }, FIND);
    expect(within(admin).getByRole('link', { name: 'E-mailvoorbeelden' })).toHaveAttribute('href', '/beheer/e-mailvoorbeelden');
  });

  it('show per template its subject, the text pre-wrapped, the HTML in a sandboxed frame and the headers', async () => {
    adminApi(() => json({ voorbeelden: [INVITED, DAILY] }));
    renderApp('/beheer/e-mailvoorbeelden');
    const section = await screen.findByRole('region', { name: 'Uitnodiging om te toetsen' }, FIND);
    expect(screen.getByRole('heading', { level: 1, name: 'E-mailvoorbeelden' })).toBeInTheDocument();
    const contents = screen.getByRole('navigation', { name: 'Inhoud' });
    expect(within(contents).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([
      '#voorbeeld-toetsing-uitgenodigd',
      '#voorbeeld-dagoverzicht',
    ]);

    expect(section).toHaveTextContent('OnderwerpToetsen: Handreiking giftenvrijlating');
    const text = section.querySelector('pre');
    expect(text?.textContent).toBe(INVITED.tekst);
    expect(text).toHaveClass('spoorboek-mail-text');

    const frame = within(section).getByTitle('HTML-deel van de e-mail: Uitnodiging om te toetsen');
    expect(frame.tagName).toBe('IFRAME');
    // Sandboxed: never scripts, forms, pop-ups or navigating this page.
    expect(frame.getAttribute('sandbox')).toBe('allow-same-origin');
    const srcdoc = frame.getAttribute('srcdoc') ?? '';
    expect(srcdoc).toContain('Toetsen: Handreiking giftenvrijlating');
    expect(srcdoc).not.toContain('<script');

    expect(section).toHaveTextContent(
      'List-Unsubscribe<https://spoorboek.example/api/v1/meldingen/afmelden?token=voorbeeld-afmeldcode-niet-geldig>',
    );
    expect(section).toHaveTextContent('List-Unsubscribe-PostList-Unsubscribe=One-Click');
    expect(screen.getByRole('region', { name: 'Dagoverzicht' })).toHaveTextContent('Geen extra headers.');
  });

  it('are for admins only', async () => {
    const { handler } = loggedInAs(['redacteur']);
    const fetchMock = mockApi({ '/api/v1/sessies/huidig': handler, '/api/v1/meldingen/aantal-ongelezen': () => json({ ongelezen: 0 }) });
    renderApp('/beheer/e-mailvoorbeelden');
    expect(await screen.findByRole('heading', { level: 1, name: 'Geen toegang' }, FIND)).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([input]) => String(input instanceof Request ? input.url : input).includes('e-mailvoorbeelden'))).toBe(false);
  });

  it('say what went wrong when the server refuses', async () => {
    adminApi(() => problem(503, 'Database bezet', 'Probeer het over enkele seconden opnieuw.'));
    renderApp('/beheer/e-mailvoorbeelden');
    expect(await screen.findByRole('heading', { name: 'Database bezet' }, FIND)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Opnieuw proberen' })).toBeInTheDocument();
  });
});

describe('the document of a preview frame', () => {
  it('parks inline styles for the CSSOM and drops whatever could run or load', () => {
    const doc = new DOMParser().parseFromString(frameDocument(INVITED.html), 'text/html');
    expect(doc.querySelectorAll('[style]')).toHaveLength(0);
    expect(doc.body.getAttribute('data-spoorboek-style')).toBe('margin: 0;background: #f3f3f3;');
    expect(doc.querySelector('h1')?.getAttribute('data-spoorboek-style')).toBe('font-size: 22px;');
    const link = doc.querySelector('a');
    expect(link?.getAttribute('data-spoorboek-style')).toBe('color: #ffffff;');
    expect(link?.getAttribute('data-style')).toBe('x');
    expect(link?.getAttribute('href')).toBe('https://spoorboek.example/producten/1');
    expect(doc.body.textContent).toContain('Tekst met style=vet erin');
    expect(doc.querySelectorAll('script, style')).toHaveLength(0);
    expect(doc.documentElement.lang).toBe('nl');
    expect(doc.title).toBe('Toetsen');
    expect(doc.body.textContent).toContain('Beste Voorbeeld Persoon,');
  });
});
