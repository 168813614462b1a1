import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { PhaseTable } from './PhaseBars';
import type { OverviewGroup } from './types';

function group(code: string, naam: string, change: number | null): OverviewGroup {
  return {
    groep: { code, naam },
    cellen: 20,
    perFase: { geimplementeerd: 5 },
    aandeelGeimplementeerd: 0.25,
    risico: 1,
    teLaat: 2,
    tekort: 0.5,
    gemiddeldeAchterstandDagen: 12,
    vorigePeriode:
      change === null
        ? null
        : { peildatum: '2026-11-30', sinds: '2026-12-01', aandeelGeimplementeerd: 0.2, tekort: 0.6, teLaat: 1, risico: 1 },
    verandering: change === null ? null : { aandeelGeimplementeerd: change, tekort: -10, teLaat: 1, risico: 0 },
  };
}

const headings = () => screen.getAllByRole('columnheader').map((cell) => cell.textContent);

describe('PhaseTable', () => {
  it('shows the change since the previous month beside the share, per row', () => {
    render(<PhaseTable id="t" caption="Per provincie" groups={[group('NL', 'Nederland', 5), group('PV20', 'Groningen', null)]} />);
    expect(headings()).toContain('Verandering sinds 1 december (procentpunt)');
    const [, country, province] = screen.getAllByRole('row') as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(country).getByText('+5')).toBeVisible();
    // A group without a previous period has no change, not a zero.
    expect(within(province).getByText('–')).toBeVisible();
  });

  it('has no change column when no group carries a previous period', () => {
    render(<PhaseTable id="t" caption="Per provincie" groups={[group('NL', 'Nederland', null)]} />);
    expect(headings().some((heading) => heading?.startsWith('Verandering'))).toBe(false);
  });
});
