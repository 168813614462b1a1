import { describe, expect, it } from 'vitest';

import { laterSteps, withoutSteps, writeFromForm, type CellFormValues } from './cellForm';

const done = (datum: string) => ({ gereed: true, datum });
const open = { gereed: false, datum: '' };

function form(fase: CellFormValues['fase']): CellFormValues {
  return {
    fase,
    geplandLivegang: '',
    stappen: {
      impactanalyse: done('2026-03-01'),
      werkproces: done('2026-06-01'),
      livegang: done('2026-12-28'),
      evaluatie: open,
      'eigen-stap': done('2026-07-01'),
    },
    notitie: '',
    knelpunten: '',
    knelpuntSoort: '',
  };
}

describe('moving a cell back to an earlier phase', () => {
  it('offers the done steps of the phases after the new one, never a step of no phase', () => {
    expect(laterSteps(form('voorbereidend'), 'geimplementeerd')).toEqual(['livegang']);
    expect(laterSteps(form('orienterend'), 'geimplementeerd')).toEqual(['werkproces', 'livegang']);
    expect(laterSteps(form('niet-gestart'), 'voorbereidend')).toEqual(['impactanalyse', 'werkproces', 'livegang']);
  });

  it('offers nothing when the phase stays or moves on', () => {
    expect(laterSteps(form('geimplementeerd'), 'geimplementeerd')).toEqual([]);
    expect(laterSteps(form('geevalueerd'), 'voorbereidend')).toEqual([]);
  });

  it('leaves the cleared steps out of the PUT body, in the same save', () => {
    const values = form('voorbereidend');
    const body = writeFromForm(withoutSteps(values, laterSteps(values, 'geimplementeerd')));
    expect(body.fase).toBe('voorbereidend');
    expect(body.stappenGereed?.map((step) => step.stap)).toEqual(['impactanalyse', 'werkproces', 'eigen-stap']);
  });
});
