import { describe, expect, it } from 'vitest';

import { queryFrom } from './FiguresPage';
import { countText, groupName, scoreText, shareText } from './labels';
import { satisfactionSummary } from './PublicSatisfaction';
import type { PublicSatisfaction } from './types';

describe('the satisfaction figures in words', () => {
  it('never shows a number for a withheld group', () => {
    expect(scoreText(3.75, false)).toBe('3,8');
    expect(scoreText(3.75, true)).toBe('te weinig antwoorden');
    expect(shareText(0.644, false)).toBe('64%');
    expect(shareText(0.644, true)).toBe('te weinig antwoorden');
    expect(countText(1234, false)).toBe('1.234');
    expect(countText(null, true)).toBe('te weinig antwoorden');
  });

  it('names a measure with its code, other groups by name', () => {
    expect(groupName({ code: 'M01', naam: 'Giftenvrijlating' })).toBe('M01 Giftenvrijlating');
    expect(groupName({ code: 'PV26', naam: 'Utrecht' })).toBe('Utrecht');
  });

  it('reads only the filters that are set from the address', () => {
    expect(queryFrom(new URLSearchParams('groep=maatregel&van=&adviseur=ik&onbekend=1'))).toEqual({ groep: 'maatregel', adviseur: 'ik' });
  });

  it('sums up the newest round and quarter that are shown', () => {
    const figures = {
      peiling: [
        { periode: '2026-H1', titel: 'Voorjaar', vraag: 'Tevreden?', teWeinigAntwoorden: false, aantal: 40, gemiddelde: 3.9, responspercentage: 0.5 },
        { periode: '2026-H2', titel: 'Najaar', vraag: 'Tevreden?', teWeinigAntwoorden: true, aantal: null, gemiddelde: null, responspercentage: null },
      ],
      antwoorden: [{ periode: '2026-Q4', van: '2026-10-01', tot: '2026-12-31', teWeinigAntwoorden: false, aantalBeoordeeld: 80, gemiddelde: 4.2 }],
    } as unknown as PublicSatisfaction;
    expect(satisfactionSummary(figures)).toBe(
      'In de peiling 2026-H1 gaven contactpersonen de ondersteuning gemiddeld een 3,9 (1 tot 5). Vraagstellers gaven de antwoorden in 2026-Q4 gemiddeld een 4,2 voor hoe nuttig ze waren.',
    );
    expect(satisfactionSummary({ ...figures, peiling: [], antwoorden: [] })).toBe('Er zijn nog te weinig antwoorden om de tevredenheid te tonen.');
  });
});
