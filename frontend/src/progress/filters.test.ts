import { describe, expect, it } from 'vitest';

import { helpFiltersFrom, matrixFiltersFrom, matrixViewFrom, pageOf } from './filters';

describe('the progress filters from the URL', () => {
  it('keeps only what the matrix API accepts', () => {
    const params = new URLSearchParams('provincie=PV26&arbeidsmarktregio=XX&fase=2&thema=Aanvraag!&weergave=fase');
    expect(matrixFiltersFrom(params)).toEqual({ provincie: 'PV26', fase: 2 });
    expect(matrixViewFrom(params)).toBe('fase');
    expect(matrixViewFrom(new URLSearchParams('weergave=iets'))).toBe('verkeerslicht');
  });

  it('reads the horizon and reference date of the help list', () => {
    expect(helpFiltersFrom(new URLSearchParams('binnenDagen=0&peildatum=2026-06-01'))).toEqual({ binnenDagen: 0, peildatum: '2026-06-01' });
    expect(helpFiltersFrom(new URLSearchParams('binnenDagen=9999&peildatum=morgen'))).toEqual({});
  });

  it('pages a list in the browser, keeping the page within range', () => {
    const items = Array.from({ length: 120 }, (_, index) => index);
    expect(pageOf(items, new URLSearchParams('pagina=3'), 50)).toEqual({ page: 3, pages: 3, items: items.slice(100) });
    expect(pageOf(items, new URLSearchParams('pagina=9'), 50).page).toBe(3);
    expect(pageOf([], new URLSearchParams(), 50)).toEqual({ page: 1, pages: 1, items: [] });
  });
});
