import { memo, useCallback, useEffect, useState, type MouseEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { ScrollTable } from '../shared/ScrollTable';
import { AppLink } from '../app/AppLink';
import type { MatrixView } from './filters';
import { isPhase, isTrafficLight, LIGHT_SYMBOLS, lightLabel, PHASE_ABBREVIATIONS, phaseLabel } from './labels';
import { cellPath, municipalityPath } from './paths';
import type { Matrix, MatrixRow } from './types';
import './heatmap.css';

/**
 * Rows added per frame. The browser lays out and paints this many rows between two frames in a
 * few tens of milliseconds even on a busy machine; all 342 at once held the page still for half a
 * second or more.
 */
export const ROWS_PER_FRAME = 10;

/** Rows of a previous matrix taken out per frame: taking out all 342 at once cost 50 ms and more. */
const ROWS_REMOVED_PER_FRAME = 40;

interface CellText {
  /** The phase's letters and the light's shape, for the eye. */
  shown: string;
  /** Both in words, for screen readers: the name of the cell's link. */
  spoken: string;
}

const CELL_LINK = 'spoorboek-heatmap__link';

const cellTexts = new Map<string, CellText>();

/** A cell's text, made once per phase and light (a handful) rather than once per cell (7,866). */
function cellText(phase: string, light: string): CellText {
  const key = `${phase} ${light}`;
  let text = cellTexts.get(key);
  if (!text) {
    text = {
      shown: `${isPhase(phase) ? PHASE_ABBREVIATIONS[phase] : phase}${isTrafficLight(light) ? LIGHT_SYMBOLS[light] : ''}`,
      spoken: `${phaseLabel(phase)}, ${lightLabel(light).toLowerCase()}`,
    };
    cellTexts.set(key, text);
  }
  return text;
}

/** The rows of one matrix in one colouring, as far as they are in the document. */
interface Generation {
  key: number;
  matrix: Matrix;
  view: MatrixView;
  count: number;
}

/**
 * The rows to show, and those of earlier matrices or colourings still to take out. The current
 * rows start with a frame's worth and grow every frame until all are there; earlier rows are
 * hidden at once (heatmap.css) and taken out a few dozen per frame. So a change costs no frame
 * more than the first drawing did.
 */
function useGenerations(matrix: Matrix, view: MatrixView) {
  const [state, setState] = useState<{ current: Generation; leaving: Generation[] }>(() => ({
    current: { key: 0, matrix, view, count: ROWS_PER_FRAME },
    leaving: [],
  }));
  let { current, leaving } = state;
  if (current.matrix !== matrix || current.view !== view) {
    const shown = { ...current, count: Math.min(current.count, current.matrix.gemeenten.length) };
    leaving = [shown, ...leaving];
    current = { key: current.key + 1, matrix, view, count: ROWS_PER_FRAME };
    setState({ current, leaving });
  }
  const busy = current.count < matrix.gemeenten.length || leaving.length > 0;
  useEffect(() => {
    if (!busy) return;
    const frame = requestAnimationFrame(() =>
      setState((previous) => ({
        current: { ...previous.current, count: previous.current.count + ROWS_PER_FRAME },
        leaving: previous.leaving
          .map((generation) => ({ ...generation, count: generation.count - ROWS_REMOVED_PER_FRAME }))
          .filter((generation) => generation.count > 0),
      })),
    );
    return () => cancelAnimationFrame(frame);
  }, [busy, state]);
  return { current, leaving, busy };
}

/*
 * The roles repeat what the elements already are: heatmap.css lays the table out as a grid per
 * row, and some browsers drop a table's semantics once its display changes. With the roles every
 * browser still announces a table with row and column headers. (The linter takes a td for a
 * grid's interactive cell; here it is a table's.)
 */
/* eslint-disable jsx-a11y/no-redundant-roles, jsx-a11y/no-interactive-element-to-noninteractive-role -- see above */

/**
 * One municipality: its name and, per measure, a cell with the phase's letters and the light's
 * shape, as a plain link to the cell's page named by both in words (what screen readers read;
 * its own text, not an aria-label, so the name holds what is shown, as WCAG 2.5.3 asks).
 * Plain elements with one string each rather than a component per cell: the fewer nodes, the
 * less to lay out; the table handles the links' clicks in one place (HeatMap). Memo: a frame
 * that adds rows renders only the new ones.
 */
const HeatRow = memo(function HeatRow({
  row,
  view,
  measures,
}: {
  row: MatrixRow;
  view: MatrixView;
  measures: Matrix['maatregelen'];
}) {
  const code = row.gemeente.code;
  return (
    <tr role="row" className="utrecht-table__row">
      <th role="rowheader" scope="row" className="utrecht-table__header-cell spoorboek-heatmap__municipality">
        <AppLink to={municipalityPath(code)}>{row.gemeente.naam}</AppLink>
      </th>
      {row.fasen.map((phase, index) => {
        const light = row.verkeerslichten[index] ?? '';
        const text = cellText(phase, light);
        const measure = measures[index]?.code ?? '';
        return (
          <td role="cell" key={index} className={`spoorboek-heat spoorboek-heat--${view === 'fase' ? phase : light}`}>
            <a className={CELL_LINK} href={cellPath(code, measure)}>
              <span aria-hidden="true">{text.shown}</span>
              <span className="spoorboek-heatmap__words">{text.spoken}</span>
            </a>
          </td>
        );
      })}
    </tr>
  );
});

/**
 * The cells' links open the cell's page inside the SPA, as an AppLink would, from one handler
 * for the whole table rather than a router link per cell (7,866 of them). A click with a
 * modifier key or another button is left to the browser (a new tab or window).
 */
function useCellLinks() {
  const navigate = useNavigate();
  return useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        return;
      }
      const link = (event.target as Element).closest(`a.${CELL_LINK}`);
      if (!(link instanceof HTMLAnchorElement)) return;
      event.preventDefault();
      void navigate(link.pathname);
    },
    [navigate],
  );
}

/**
 * The matrix as a table (municipalities × measures) with real row and column headers, so screen
 * readers announce both for every cell. The rows arrive a frame's worth at a time, and the table
 * says it is busy until they are all there; memo keeps typing in the filters from re-rendering it.
 */
export const HeatMap = memo(function HeatMap({ matrix, view }: { matrix: Matrix; view: MatrixView }) {
  const { current, leaving, busy } = useGenerations(matrix, view);
  const openCell = useCellLinks();
  return (
    // A click on a cell's link bubbles up here (useCellLinks); the links themselves take the keyboard.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
    <div className="spoorboek-heatmap" onClick={openCell}>
      <ScrollTable labelledBy="matrix-tabel">
        <table role="table" aria-labelledby="matrix-tabel" aria-busy={busy} className="utrecht-table spoorboek-heatmap__table">
          <caption id="matrix-tabel" className="spoorboek-visually-hidden">
            Fase en verkeerslicht per gemeente en maatregel
          </caption>
          <thead role="rowgroup" className="utrecht-table__header">
            <tr role="row" className="utrecht-table__row">
              <th role="columnheader" scope="col" className="utrecht-table__header-cell spoorboek-heatmap__corner">
                Gemeente
              </th>
              {matrix.maatregelen.map((measure) => (
                <th
                  key={measure.code}
                  role="columnheader"
                  scope="col"
                  className="utrecht-table__header-cell spoorboek-heatmap__measure"
                >
                  <abbr title={measure.naam}>{measure.code}</abbr>
                  <span className="spoorboek-visually-hidden"> {measure.naam}</span>
                </th>
              ))}
            </tr>
          </thead>
          {[current, ...leaving].map((generation) => (
            <tbody
              key={generation.key}
              role="rowgroup"
              className={`utrecht-table__body${generation === current ? '' : ' spoorboek-heatmap__leaving'}`}
              aria-hidden={generation === current ? undefined : true}
            >
              {generation.matrix.gemeenten.slice(0, generation.count).map((row) => (
                <HeatRow key={row.gemeente.code} row={row} view={generation.view} measures={generation.matrix.maatregelen} />
              ))}
            </tbody>
          ))}
        </table>
      </ScrollTable>
    </div>
  );
});
