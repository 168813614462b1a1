import { describe, expect, it } from 'vitest';

import { memberResults, reportBody, reportProblems, sideBySide, type ReportForm } from './sharedService';
import type { Cell } from './types';

function cell(measure: string, fase: Cell['fase'], versie = 1): Cell {
  return { maatregel: { code: measure, naam: `Maatregel ${measure}` }, fase, versie } as Cell;
}

const members = [
  { code: 'GM0534', naam: 'Hillegom' },
  { code: 'GM0553', naam: 'Lisse' },
];

const form: ReportForm = {
  maatregel: 'M16',
  fase: 'voorbereidend',
  stappen: [],
  gereedOp: '2026-12-07',
  bevestigd: ['GM0534', 'GM0553'],
};

describe('sideBySide', () => {
  it('puts each measure on one row with every member in order, a member still loading left empty', () => {
    const rows = sideBySide([[cell('M01', 'orienterend'), cell('M02', 'geimplementeerd')], undefined]);
    expect(rows.map((row) => row.maatregel.code)).toEqual(['M01', 'M02']);
    expect(rows[1]?.cells.map((c) => c?.fase)).toEqual(['geimplementeerd', undefined]);
  });
});

describe('reportProblems', () => {
  it('asks for every member to be ticked, naming the ones that are not', () => {
    expect(reportProblems({ ...form, bevestigd: ['GM0534'] }, members)).toEqual({
      bevestigd: ['Vink elke gemeente aan: de stand geldt voor alle gemeenten. Nog niet aangevinkt: Lisse.'],
    });
    expect(reportProblems(form, members)).toEqual({});
    expect(Object.keys(reportProblems({ ...form, maatregel: '', stappen: ['ict'], gereedOp: '' }, members))).toEqual([
      'maatregel',
      'gereedOp',
    ]);
  });
});

describe('reportBody', () => {
  it('confirms by name only the members that go back, and leaves steps out when none is ticked', () => {
    expect(reportBody(form, { GM0534: 'geimplementeerd', GM0553: 'orienterend' })).toEqual({
      maatregel: 'M16',
      fase: 'voorbereidend',
      terugzettenBevestigd: ['GM0534'],
    });
  });

  it('gives every ticked step the one date', () => {
    expect(reportBody({ ...form, stappen: ['impactanalyse', 'ict'] }, {}).stappenGereed).toEqual([
      { stap: 'impactanalyse', gereedOp: '2026-12-07' },
      { stap: 'ict', gereedOp: '2026-12-07' },
    ]);
  });
});

describe('memberResults', () => {
  it('says per member what it was, what it is and whether its version moved', () => {
    const results = memberResults(
      members,
      { GM0534: cell('M16', 'orienterend', 3), GM0553: cell('M16', 'voorbereidend', 5) },
      { GM0534: cell('M16', 'voorbereidend', 4), GM0553: cell('M16', 'voorbereidend', 5) },
    );
    expect(results.map((r) => [r.member.naam, r.before, r.after, r.changed])).toEqual([
      ['Hillegom', 'orienterend', 'voorbereidend', true],
      ['Lisse', 'voorbereidend', 'voorbereidend', false],
    ]);
  });
});
