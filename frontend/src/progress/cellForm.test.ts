import { describe, expect, it } from 'vitest';

import { etagOf } from './api';
import { changedFields, formFromCell, formProblems, writeFromForm } from './cellForm';
import type { Cell } from './types';

function makeCell(overrides: Partial<Cell> = {}): Cell {
  return {
    gemeente: { code: 'GM0344', naam: 'Utrecht' },
    maatregel: { code: 'M15', naam: 'Inkomstenvrijlating' },
    ingangsdatum: '2027-01-01',
    fase: 'orienterend',
    geplandLivegang: null,
    notitie: null,
    knelpunten: 'Leverancier',
    knelpuntSoort: 'ict-en-leveranciers',
    stappen: [
      { code: 'impactanalyse', titel: 'Impact analyseren', uitersteStart: '2026-04-06', uitersteEinde: '2026-06-05', gereedOp: '2026-05-01' },
      { code: 'beleid', titel: 'Beleid aanpassen', uitersteStart: '2026-06-05', uitersteEinde: '2026-10-03', gereedOp: null },
    ],
    moetStartenOp: '2026-06-05',
    speling: 10,
    volgendeStap: null,
    verkeerslicht: 'risico',
    bron: 'persoon',
    bijgewerktDoor: 'user:7',
    bijgewerktOp: '2026-11-01T10:00:00Z',
    versie: 3,
    peildatum: '2026-11-28',
    ...overrides,
  };
}

describe('the cell form', () => {
  it('sends the whole state back, empty fields as null and only the steps that are done', () => {
    const values = formFromCell(makeCell());
    values.notitie = '   ';
    expect(writeFromForm(values)).toEqual({
      fase: 'orienterend',
      geplandLivegang: null,
      stappenGereed: [{ stap: 'impactanalyse', gereedOp: '2026-05-01' }],
      notitie: null,
      knelpunten: 'Leverancier',
      knelpuntSoort: 'ict-en-leveranciers',
    });
  });

  it('sends no kind when none is chosen, and starts without one for a blocker from before kinds', () => {
    const values = formFromCell(makeCell({ knelpuntSoort: null }));
    expect(values.knelpuntSoort).toBe('');
    expect(writeFromForm(values).knelpuntSoort).toBeNull();
    values.knelpuntSoort = 'financien';
    expect(writeFromForm(values).knelpuntSoort).toBe('financien');
  });

  it('asks for the blocker itself when a kind is chosen without it', () => {
    const values = formFromCell(makeCell());
    values.knelpunten = '  ';
    expect(formProblems(values, {}).knelpuntSoort).toBe('Beschrijf het knelpunt bij Knelpunten, of kies "Geen soort gekozen".');
    values.knelpuntSoort = '';
    expect(formProblems(values, {}).knelpuntSoort).toBeNull();
    expect(writeFromForm(values)).toMatchObject({ knelpunten: null, knelpuntSoort: null });
  });

  it('asks for the date of a step marked done, and for real dates', () => {
    const values = formFromCell(makeCell());
    values.stappen.beleid = { gereed: true, datum: '' };
    values.geplandLivegang = '15-12-2026';
    const problems = formProblems(values, { beleid: 'Beleid aanpassen' });
    expect(problems['stap-beleid']).toBe('Vul de datum in waarop "Beleid aanpassen" gereed was.');
    expect(problems.geplandLivegang).toBe('Vul een datum in, zoals 2026-12-01.');
    expect(problems['stap-impactanalyse']).toBeUndefined();
  });

  it('names the fields in which the user differs from the state someone else saved', () => {
    const mine = formFromCell(makeCell());
    mine.fase = 'voorbereidend';
    mine.knelpunten = 'Leverancier ';
    const theirs = formFromCell(makeCell({ stappen: makeCell().stappen.map((s) => ({ ...s, gereedOp: null })) }));
    expect(changedFields(mine, theirs)).toEqual(['fase', 'stappen']);
    expect(changedFields(mine, mine)).toEqual([]);
    mine.knelpuntSoort = 'ketenpartners';
    expect(changedFields(mine, formFromCell(makeCell()))).toEqual(['fase', 'knelpuntSoort']);
  });

  it('sends the version it read as a strong ETag', () => {
    expect(etagOf(3)).toBe('"v3"');
  });
});
