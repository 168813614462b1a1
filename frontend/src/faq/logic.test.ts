import { describe, expect, it } from 'vitest';

import type { FaqEntry } from './api';
import { articlesFrom, createBody, emptyFaqForm, faqProblems, formFromEntry, updateBody } from './faqForm';
import { faqFiltersFrom } from './filters';
import { groupByMeasure } from './group';

const entry = (id: number, codes: string[]): FaqEntry => ({
  id,
  vraag: `Vraag ${id}`,
  antwoord: 'Antwoord',
  maatregelen: codes.map((code) => ({ code, naam: `Naam ${code}` })),
  wetsartikelen: ['art. 31 Pw'],
  status: 'gepubliceerd',
  versie: 1,
  gepubliceerdOp: '2026-03-01T10:00:00Z',
  eerstGepubliceerdOp: '2026-03-01T10:00:00Z',
  wijzigingsnotitie: 'Eerste versie',
  fragment: null,
});

describe('the FAQ list', () => {
  it('groups entries once, under their first measure, in measure order, keeping the rank within', () => {
    const groups = groupByMeasure([entry(1, ['M10']), entry(2, ['M09', 'M02']), entry(3, ['M10']), entry(4, [])]);
    expect(groups.map((group) => [group.code, group.entries.map((e) => e.id)])).toEqual([
      ['M02', [2]],
      ['M10', [1, 3]],
      ['', [4]],
    ]);
    expect(groups[0]?.name).toBe('M02 Naam M02');
  });

  it('searches only with 3 characters or more, and filters on a real measure code', () => {
    expect(faqFiltersFrom(new URLSearchParams('zoek=ab&maatregel=X1'))).toEqual({ pagina: 1, paginaGrootte: 100 });
    expect(faqFiltersFrom(new URLSearchParams('zoek= giften &maatregel=M03'))).toEqual({
      pagina: 1,
      paginaGrootte: 100,
      zoek: 'giften',
      maatregel: 'M03',
    });
  });
});

describe('the FAQ form', () => {
  it('reads one article a line', () => {
    expect(articlesFrom(' art. 31 Pw \n\n art. 34 Pw')).toEqual(['art. 31 Pw', 'art. 34 Pw']);
  });

  it('checks lengths and a measure, and for a new version what changed', () => {
    expect(faqProblems(emptyFaqForm(), false)).toEqual({
      vraag: 'Schrijf de vraag in minstens 10 tekens.',
      antwoord: 'Schrijf het antwoord in minstens 10 tekens.',
      maatregelen: 'Kies minstens één maatregel.',
      wijzigingsnotitie: null,
    });
    expect(faqProblems(formFromEntry(entry(1, ['M01'])), true).wijzigingsnotitie).toBeTruthy();
  });

  it('builds the bodies for a first publication and a new version', () => {
    const values = { ...formFromEntry(entry(1, ['M01'])), wijzigingsnotitie: ' Bedrag ', vragenstellersInformeren: true };
    expect(createBody(values, [9])).toEqual({
      vraag: 'Vraag 1',
      antwoord: 'Antwoord',
      maatregelen: ['M01'],
      wetsartikelen: ['art. 31 Pw'],
      gemeenteNoemen: false,
      vragen: [9],
    });
    expect(updateBody(values)).toMatchObject({ wijzigingsnotitie: 'Bedrag', vragenstellersInformeren: true });
  });
});
