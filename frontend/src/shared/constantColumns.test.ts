import { describe, expect, it } from 'vitest';

import { constantColumns, sameInEveryRowText } from './constantColumns';

interface Row {
  wave: number;
  measure: string;
  place: string;
}

const columns = {
  wave: { name: 'fase', value: (row: Row) => String(row.wave) },
  measure: { name: 'maatregel', value: (row: Row) => row.measure },
  place: { name: 'gemeente', value: (row: Row) => row.place },
};

describe('constantColumns', () => {
  it('hides a column that is the same in every row and names it once', () => {
    const rows = [
      { wave: 1, measure: 'M01', place: 'Utrecht' },
      { wave: 1, measure: 'M02', place: 'Utrecht' },
      { wave: 1, measure: 'M03', place: 'Zeist' },
    ];
    const found = constantColumns(rows, columns);
    expect([...found.hidden]).toEqual(['wave']);
    expect(sameInEveryRowText(found.same)).toBe('Alle rijen: fase 1.');
  });

  it('hides nothing in a table of one row or none', () => {
    expect(constantColumns([{ wave: 1, measure: 'M01', place: 'Utrecht' }], columns).hidden.size).toBe(0);
    expect(constantColumns([], columns).same).toEqual([]);
  });
});
