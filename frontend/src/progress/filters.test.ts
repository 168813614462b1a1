import { describe, expect, it } from 'vitest';

import { HELP_PAGE_SIZE, helpFiltersFrom, matrixFiltersFrom, matrixViewFrom } from './filters';

describe('the progress filters from the URL', () => {
  it('keeps only what the matrix API accepts', () => {
    const params = new URLSearchParams('provincie=PV26&arbeidsmarktregio=XX&fase=2&thema=Aanvraag!&weergave=fase');
    expect(matrixFiltersFrom(params)).toEqual({ provincie: 'PV26', fase: 2 });
    expect(matrixViewFrom(params)).toBe('fase');
    expect(matrixViewFrom(new URLSearchParams('weergave=iets'))).toBe('verkeerslicht');
  });

  it('reads the help list filters and page, leaving out what the API would refuse', () => {
    const params = new URLSearchParams(
      'provincie=PV26&arbeidsmarktregio=AM19&fase=3&thema=werk&maatregel=M17&verkeerslicht=te-laat&oorzaak=ict&binnenDagen=0&gecontacteerd=nee&contactBinnenDagen=14&peildatum=2026-06-01&sorteer=kans&pagina=3',
    );
    expect(helpFiltersFrom(params)).toEqual({
      provincie: 'PV26',
      arbeidsmarktregio: 'AM19',
      fase: 3,
      maatregel: 'M17',
      verkeerslicht: 'te-laat',
      oorzaak: 'ict',
      binnenDagen: 0,
      gecontacteerd: 'nee',
      contactBinnenDagen: 14,
      peildatum: '2026-06-01',
      sorteer: 'kans',
      pagina: 3,
      paginaGrootte: HELP_PAGE_SIZE,
    });
    const nonsense = new URLSearchParams('maatregel=17&verkeerslicht=op-schema&oorzaak=weer&binnenDagen=9999&gecontacteerd=misschien&contactBinnenDagen=7&peildatum=morgen&sorteer=naam&pagina=0');
    expect(helpFiltersFrom(nonsense)).toEqual({ paginaGrootte: HELP_PAGE_SIZE });
  });
});
