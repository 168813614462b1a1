import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';

import type { MatrixView } from './filters';
import { HeatMap, ROWS_PER_FRAME } from './HeatMap';
import type { Matrix } from './types';

const MUNICIPALITIES = 25;

/** 25 municipalities × 3 measures; the first is not started and late at every measure. */
function matrix(): Matrix {
  return {
    peildatum: '2026-06-01',
    maatregelen: [
      { code: 'M01', naam: 'Giftenvrijlating' },
      { code: 'M02', naam: 'Bijstand jongeren' },
      { code: 'M03', naam: 'Vermogenstoets' },
    ],
    gemeenten: Array.from({ length: MUNICIPALITIES }, (_, index) => ({
      gemeente: { code: `GM${String(index + 1).padStart(4, '0')}`, naam: `Gemeente ${index + 1}` },
      fasen: index === 0 ? ['niet-gestart', 'niet-gestart', 'niet-gestart'] : ['orienterend', 'geimplementeerd', 'geevalueerd'],
      verkeerslichten: index === 0 ? ['te-laat', 'te-laat', 'te-laat'] : ['risico', 'op-schema', 'op-schema'],
    })),
  };
}

function heatMap(data: Matrix, view: MatrixView = 'verkeerslicht') {
  return (
    <MemoryRouter>
      <HeatMap matrix={data} view={view} />
    </MemoryRouter>
  );
}

const table = () => screen.getByRole('table', { name: 'Fase en verkeerslicht per gemeente en maatregel' });
/** The body's rows as assistive technology finds them (the header row left out). */
const bodyRows = () => within(table()).getAllByRole('row').slice(1);

describe('HeatMap', () => {
  it('shows a frame’s worth of rows at once and the rest frame by frame, busy until all are there', async () => {
    render(heatMap(matrix()));

    expect(table()).toHaveAttribute('aria-busy', 'true');
    expect(bodyRows()).toHaveLength(ROWS_PER_FRAME);

    await waitFor(() => expect(bodyRows()).toHaveLength(MUNICIPALITIES));
    expect(table()).toHaveAttribute('aria-busy', 'false');
    expect(within(table()).getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      'Gemeente',
      'M01 Giftenvrijlating',
      'M02 Bijstand jongeren',
      'M03 Vermogenstoets',
    ]);
  });

  it('gives every cell its phase and light in words, and the letters and shape for the eye', () => {
    render(heatMap(matrix()));

    const [first] = bodyRows();
    expect(within(first!).getByRole('rowheader')).toHaveAccessibleName('Gemeente 1');
    expect(within(first!).getByRole('link', { name: 'Gemeente 1' })).toHaveAttribute('href', '/voortgang/gemeenten/GM0001');
    const cells = within(first!).getAllByRole('cell');
    expect(cells).toHaveLength(3);
    expect(cells[0]).toHaveAccessibleName('Niet gestart, te laat');
    expect(cells[0]).toHaveTextContent(/^NG✕/);
    expect(cells[0]).toHaveClass('spoorboek-heat--te-laat');
    expect(within(cells[2]!).getByRole('link', { name: 'Niet gestart, te laat' })).toHaveAttribute(
      'href',
      '/voortgang/gemeenten/GM0001/M03',
    );
  });

  it('opens a cell’s page from its link inside the app', () => {
    render(
      <MemoryRouter>
        <Routes>
          <Route path="/" element={<HeatMap matrix={matrix()} view="verkeerslicht" />} />
          <Route path="/voortgang/gemeenten/:code/:maatregel" element={<p>De pagina van de cel</p>} />
        </Routes>
      </MemoryRouter>,
    );
    const [, second] = bodyRows();
    fireEvent.click(within(second!).getByRole('link', { name: 'Geïmplementeerd, op schema' }));
    expect(screen.getByText('De pagina van de cel')).toBeInTheDocument();
  });

  it('replaces the rows for another colouring and hides the old ones until they are gone', async () => {
    const data = matrix();
    const { container, rerender } = render(heatMap(data));
    await waitFor(() => expect(bodyRows()).toHaveLength(MUNICIPALITIES));

    rerender(heatMap(data, 'fase'));

    // Assistive technology finds only the new rows; the old ones are hidden from it at once.
    expect(bodyRows()).toHaveLength(ROWS_PER_FRAME);
    expect(within(bodyRows()[1]!).getAllByRole('cell')[1]).toHaveClass('spoorboek-heat--geimplementeerd');
    expect(container.querySelector('tbody.spoorboek-heatmap__leaving')).toHaveAttribute('aria-hidden', 'true');

    await waitFor(() => expect(bodyRows()).toHaveLength(MUNICIPALITIES));
    await waitFor(() => expect(container.querySelectorAll('tbody')).toHaveLength(1));
    expect(table()).toHaveAttribute('aria-busy', 'false');
  });

  it('shows the rows of new data in place of the old', async () => {
    const { rerender } = render(heatMap(matrix()));
    await waitFor(() => expect(bodyRows()).toHaveLength(MUNICIPALITIES));

    const fewer = matrix();
    fewer.gemeenten = fewer.gemeenten.slice(20);
    rerender(heatMap(fewer));

    await waitFor(() => expect(bodyRows()).toHaveLength(5));
    expect(within(table()).queryByRole('rowheader', { name: 'Gemeente 1' })).toBeNull();
    expect(within(table()).getByRole('rowheader', { name: 'Gemeente 21' })).toBeInTheDocument();
  });
});
