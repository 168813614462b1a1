import { describe, expect, it } from 'vitest';

import { ApiError } from '../api/problem';
import type { Roadmap } from '../progress/types';
import { errorsFromApi, formFromRoadmap, formProblems, moveStep, offsetDate, removeStep, writeFromForm } from './roadmapForm';
import type { WhatIf } from './types';
import { changesNothing, signed, summaryText } from './whatIf';

const step = (code: string, volgorde: number, startDagen: number, eindeDagen: number, afhankelijkVan: string[] = []) => ({
  code,
  titel: code,
  omschrijving: '',
  volgorde,
  startDagen,
  eindeDagen,
  uitersteStart: '2026-01-01',
  uitersteEinde: '2026-01-01',
  afhankelijkVan,
  raadsbesluit: false,
});

const ROADMAP: Roadmap = {
  maatregel: { code: 'M13', naam: 'Bijverdienen' },
  ingangsdatum: '2027-01-01',
  stappen: [step('werkproces', 2, -180, -60, ['impactanalyse']), step('impactanalyse', 1, -270, -210)],
  versie: 1,
};

describe('the roadmap form', () => {
  it('reads the steps in order and writes them back as the API took them', () => {
    const steps = formFromRoadmap(ROADMAP);
    expect(steps.map((s) => s.code)).toEqual(['impactanalyse', 'werkproces']);
    expect(writeFromForm(steps)[1]).toEqual({
      code: 'werkproces',
      titel: 'werkproces',
      omschrijving: '',
      startDagen: -180,
      eindeDagen: -60,
      afhankelijkVan: ['impactanalyse'],
      raadsbesluit: false,
    });
  });

  it('moves, and removes a step together with the dependencies on it', () => {
    const steps = formFromRoadmap(ROADMAP);
    expect(moveStep(steps, 1, -1).map((s) => s.code)).toEqual(['werkproces', 'impactanalyse']);
    expect(moveStep(steps, 0, -1)).toBe(steps);
    const left = removeStep(steps, 0);
    expect(left.map((s) => [s.code, s.afhankelijkVan])).toEqual([['werkproces', '']]);
  });

  it('checks codes, titles and offsets before asking the server', () => {
    const [first, second] = formFromRoadmap(ROADMAP);
    if (!first || !second) throw new Error('two steps');
    const problems = formProblems([
      { ...first, code: 'Impact', startDagen: '10', eindeDagen: '5' },
      { ...second, titel: 'x', startDagen: 'een', eindeDagen: '1600' },
    ]);
    expect(Object.entries(problems).filter(([, p]) => p).map(([id]) => id)).toEqual([
      'stap-0-code',
      'stap-0-eindeDagen',
      'stap-1-titel',
      'stap-1-startDagen',
      'stap-1-eindeDagen',
    ]);
  });

  it("puts the API's refusals at the step they name", () => {
    const steps = formFromRoadmap(ROADMAP);
    const error = new ApiError(400, 'Ongeldige invoer', undefined, {
      invalidParams: [
        { name: 'stappen', in: 'body', code: 'start_after_finish', reason: "Stap 'werkproces' begint na haar einde." },
        { name: 'stappen.0.titel', in: 'body', code: 'string_too_short', reason: 'Te kort.' },
        { name: 'stappen', in: 'body', code: 'cycle', reason: 'De afhankelijkheden vormen een kring.' },
      ],
    });
    expect(errorsFromApi(error, steps)).toEqual({
      fields: { 'stap-1-eindeDagen': ["Stap 'werkproces' begint na haar einde."], 'stap-0-titel': ['Te kort.'] },
      general: ['De afhankelijkheden vormen een kring.'],
    });
  });

  it('dates an offset from the effective date', () => {
    expect(offsetDate('2027-01-01', '-270')).toBe('2026-04-06');
    expect(offsetDate('2027-01-01', 'x')).toBeNull();
  });
});

describe('the what-if summary', () => {
  const whatIf: WhatIf = {
    peildatum: '2026-07-01',
    maatregelen: [],
    verkeerslichten: [],
    cellen: { aantal: 2, resultaten: [] },
    hulpNodig: { voor: 5, na: 3, erbij: 0, eraf: 2 },
    producten: [],
    meldingen: [{ soort: 'gemeente-termijn', moment: 'volgende-herinnering', aantal: 1, ontvangers: 1 }],
  };

  it('says in one sentence what saving would do', () => {
    expect(summaryText(whatIf)).toBe(
      '2 combinaties van gemeente en maatregel krijgen een ander verkeerslicht; op de lijst Hulp nodig komen er 0 bij en gaan er 2 af; geen product verandert; er gaat 1 melding uit.',
    );
    expect(changesNothing(whatIf)).toBe(false);
    expect(changesNothing({ ...whatIf, cellen: { aantal: 0, resultaten: [] }, meldingen: [] })).toBe(true);
    expect([signed(3), signed(-2), signed(0)]).toEqual(['+3', '−2', '0']);
  });
});
