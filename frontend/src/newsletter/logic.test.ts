import { describe, expect, it } from 'vitest';

import { choiceProblems, choicesBody, choiceText, emailProblem, EVERYTHING, tokenFromHash } from './logic';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz012345';

describe('the token after # in a mail’s link', () => {
  it.each([
    [`#token=${TOKEN}`, TOKEN],
    ['', null],
    ['#token=kort', null],
    ['#token=<script>alert(1)</script>aaaaaaaaaaaaaaa', null],
  ])('%s gives %s', (hash, expected) => {
    expect(tokenFromHash(hash)).toBe(expected);
  });
});

describe('the choice as the API takes it', () => {
  it('sends everything without a stale selection', () => {
    expect(choicesBody({ everything: true, measures: ['M01'], themes: [], waves: ['2'] })).toEqual({
      alles: true,
      maatregelen: [],
      themas: [],
      golven: [],
    });
  });

  it('sends a selection with waves as numbers', () => {
    expect(choicesBody({ everything: false, measures: ['M05'], themes: ['werk'], waves: ['1', '3'] })).toEqual({
      alles: false,
      maatregelen: ['M05'],
      themas: ['werk'],
      golven: [1, 3],
    });
  });

  it('refuses a selection of nothing', () => {
    expect(choiceProblems({ ...EVERYTHING, everything: false }).alles).toMatch(/Kies minstens één/);
    expect(choiceProblems({ ...EVERYTHING, everything: false, waves: ['1'] }).alles).toBeNull();
    expect(choiceProblems(EVERYTHING).alles).toBeNull();
  });

  it('names the choice with the reference data’s names', () => {
    expect(choiceText(EVERYTHING)).toBe('De hele nieuwsbrief');
    expect(
      choiceText({ everything: false, measures: ['M05'], themes: [], waves: ['1'] }, {
        measures: new Map([['M05', 'M05 Giftenvrijlating']]),
      }),
    ).toBe('Alleen over maatregelen: M05 Giftenvrijlating; golven: 1');
  });
});

describe('the e-mail address', () => {
  it.each([
    ['', 'Vul uw e-mailadres in.'],
    ['geen-adres', 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.'],
    [' lezer@example.nl ', null],
  ])('%j gives %j', (email, expected) => {
    expect(emailProblem(email)).toBe(expected);
  });
});
