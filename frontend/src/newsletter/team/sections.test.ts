import { describe, expect, it } from 'vitest';

import { plannedMoment } from './schedule';
import { addOwnSection, draftsOf, moveSection, parseMeasureCodes, removeItem, removeSection, sectionsIn } from './sections';
import type { Section } from './types';

const item = (titel: string) => ({ titel, tekst: '', link: null, maatregelen: ['M01'], themas: [], golven: [] });
const section = (titel: string, items = [item(`${titel} 1`), item(`${titel} 2`)]): Section => ({
  soort: 'vragen',
  titel,
  tekst: '',
  items,
  maatregelen: [],
  themas: [],
  golven: [],
});

const titles = (sections: { titel: string }[]) => sections.map((s) => s.titel);

describe('the sections of an edition', () => {
  const start = () => draftsOf([section('A'), section('B'), section('C')]);

  it.each([
    [0, 1, ['B', 'A', 'C']],
    [1, -1, ['B', 'A', 'C']],
    [2, -1, ['A', 'C', 'B']],
    [0, -1, ['A', 'B', 'C']],
    [2, 1, ['A', 'B', 'C']],
  ] as const)('moves section %i by %i', (index, direction, expected) => {
    const sections = start();
    expect(titles(moveSection(sections, index, direction))).toEqual(expected);
    expect(titles(sections)).toEqual(['A', 'B', 'C']);
  });

  it('keeps each section’s key while it moves, so React keeps its fields', () => {
    const sections = start();
    const moved = moveSection(sections, 0, 1);
    expect(moved[1]?.key).toBe(sections[0]?.key);
  });

  it('removes a section, and a single item of one', () => {
    expect(titles(removeSection(start(), 1))).toEqual(['A', 'C']);
    const fewer = removeItem(start(), 2, 0);
    expect(fewer[2]?.items?.map((i) => i.titel)).toEqual(['C 2']);
    expect(fewer[0]?.items).toHaveLength(2);
  });

  it('adds an own section at the end, with its measures', () => {
    const added = addOwnSection(start(), { titel: 'Van de redactie', tekst: 'Fijne feestdagen', maatregelen: ['M07'] });
    expect(titles(added)).toEqual(['A', 'B', 'C', 'Van de redactie']);
    expect(added[3]).toMatchObject({ soort: 'eigen', items: [], maatregelen: ['M07'] });
  });

  it('sends the sections in order without the form’s keys', () => {
    const body = sectionsIn(moveSection(start(), 0, 1));
    expect(body.map((s) => s.titel)).toEqual(['B', 'A', 'C']);
    expect(body[0]).not.toHaveProperty('key');
    expect(body[0]?.items?.[0]).toEqual(item('B 1'));
  });

  it.each([
    ['M01, m7 M03', ['M01', 'M03'], ['M7']],
    ['', [], []],
    ['M01 M01', ['M01'], []],
  ])('reads measure codes from %j', (text, codes, invalid) => {
    expect(parseMeasureCodes(text)).toEqual({ codes, invalid });
  });
});

describe('the moment of sending', () => {
  const now = new Date('2026-12-07T10:00:00Z');
  it.each([
    ['2026-12-07', '12:00', { iso: '2026-12-07T12:00:00+01:00' }],
    ['2027-07-01', '09:30', { iso: '2027-07-01T09:30:00+02:00' }],
    ['2026-12-07', '10:30', { error: 'Kies een moment in de toekomst.' }],
    ['', '10:30', { error: 'Vul de datum en de tijd in.' }],
  ])('%s %s', (date, time, expected) => {
    expect(plannedMoment(date, time, now)).toEqual(expected);
  });
});
