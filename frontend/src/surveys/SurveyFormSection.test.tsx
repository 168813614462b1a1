import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { ApiError } from '../api/problem';
import type { SurveyForm } from './api';
import { SurveyFormSection } from './SurveyFormSection';

function makeForm(overrides: Partial<SurveyForm> = {}): SurveyForm {
  return {
    ronde: { id: 3, titel: 'Tevredenheidspeiling 2026-H2', periode: '2026-H2', sluitOp: '2026-12-31', status: 'open' },
    gemeente: { code: 'GM0344', naam: 'Utrecht' },
    vragen: [
      { id: 1, tekst: 'Hoe tevreden bent u over de ondersteuning?', soort: 'schaal' },
      { id: 2, tekst: 'Hoe bruikbaar zijn de producten?', soort: 'schaal' },
      { id: 5, tekst: 'Wat kan beter?', soort: 'open' },
    ],
    antwoorden: [],
    beantwoordOp: null,
    wijzigbaar: true,
    maximaleLengte: 2000,
    ...overrides,
  };
}

describe('the survey form', () => {
  it('names every unanswered scale question at once and sends nothing', async () => {
    const save = vi.fn();
    render(<SurveyFormSection form={makeForm()} save={save} />);
    fireEvent.click(screen.getByRole('button', { name: 'Antwoorden versturen' }));
    const summary = await screen.findByRole('heading', { name: 'Controleer de volgende gegevens' });
    const links = within(summary.closest('.spoorboek-error-summary') as HTMLElement).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Hoe tevreden bent u over de ondersteuning?: Kies een cijfer van 1 tot en met 5.',
      'Hoe bruikbaar zijn de producten?: Kies een cijfer van 1 tot en met 5.',
    ]);
    expect(links[0]).toHaveAttribute('href', '#vraag-1-1');
    expect(save).not.toHaveBeenCalled();
  });

  it('sends the scores and the open text, and shows the API’s errors by field', async () => {
    const save = vi.fn().mockRejectedValueOnce(
      new ApiError(400, 'Ongeldige invoer', '1 parameter(s) ongeldig', {
        invalidParams: [{ name: 'vraag-5', in: 'body', code: 'ongeldig_teken', reason: 'Bevat een niet-toegestaan teken.' }],
      }),
    );
    render(<SurveyFormSection form={makeForm()} save={save} />);
    for (const group of screen.getAllByRole('radiogroup')) {
      fireEvent.click(within(group).getByRole('radio', { name: '4 – tevreden' }));
    }
    fireEvent.change(screen.getByLabelText('Wat kan beter?'), { target: { value: '  Meer voorbeelden. ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Antwoorden versturen' }));
    expect(await screen.findByRole('link', { name: 'Wat kan beter?: Bevat een niet-toegestaan teken.' })).toBeVisible();
    expect(save).toHaveBeenCalledWith([
      { vraag: 1, score: 4 },
      { vraag: 2, score: 4 },
      { vraag: 5, tekst: 'Meer voorbeelden.' },
    ]);
  });

  it('shows a closed round’s answers without a form', () => {
    render(
      <SurveyFormSection
        form={makeForm({ wijzigbaar: false, beantwoordOp: '2026-12-01T10:00:00Z', antwoorden: [{ vraag: 1, score: 5, tekst: null }] })}
        save={vi.fn()}
      />,
    );
    expect(screen.getByText('Deze peiling is gesloten; de antwoorden kunnen niet meer veranderen.')).toBeVisible();
    expect(screen.getByText('5 – zeer tevreden')).toBeVisible();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
