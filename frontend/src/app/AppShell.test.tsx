import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { renderApp } from '../test/renderApp';

describe('AppShell', () => {
  it('has a skip link to the main landmark, a banner and a footer link to the statement', () => {
    renderApp('/toegankelijkheid');

    expect(screen.getByRole('link', { name: 'Naar de inhoud' })).toHaveAttribute('href', '#inhoud');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'inhoud');
    expect(screen.getByRole('banner')).toHaveTextContent('Spoorboek');
    expect(screen.getByRole('link', { name: 'Toegankelijkheidsverklaring' })).toHaveAttribute(
      'href',
      '/toegankelijkheid',
    );
    expect(
      screen.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'spoorboek@spoorboek.example' })).toHaveAttribute(
      'href',
      'mailto:spoorboek@spoorboek.example',
    );
  });

  it('answers an unknown path with a not-found page', () => {
    renderApp('/bestaat-niet');
    expect(screen.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeInTheDocument();
  });
});
