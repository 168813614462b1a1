import { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

import { DataTable } from '../shared/DataTable';
import { percentText } from '../progress/labels';
import { formatDutchDate } from '../shared/dates';
import type { TrendPoint } from './types';
import { useWidth } from './useWidth';

/** The width drawn before the chart is measured; it is then drawn at its width in CSS px. */
const WIDTH = 640;
/** Narrower than this the chart is drawn this wide and scaled down (a 320 px screen, with margins). */
const MIN_WIDTH = 260;
const HEIGHT = 260;
/** Room for one month label ("sep. 2026") at 13 px, with a gap. */
const MONTH_LABEL_PX = 78;
const PAD = { top: 16, right: 16, bottom: 40, left: 48 };
const GRID = [0, 0.25, 0.5, 0.75, 1];

const monthLabel = new Intl.DateTimeFormat('nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' });

function shortDate(isoDate: string): string {
  return monthLabel.format(new Date(`${isoDate}T00:00:00Z`));
}

/** The SVG path through the points that have a value; a gap (null) starts a new stroke. */
function linePath(points: (readonly [number, number | null])[]): string {
  let path = '';
  let drawing = false;
  for (const [x, y] of points) {
    if (y === null) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
    drawing = true;
  }
  return path;
}

/** One sentence that says what the chart shows, for its text alternative. */
export function trendSummary(points: TrendPoint[]): string {
  const measured = points.filter((point) => point.tekort !== null);
  const first = measured[0];
  const last = measured[measured.length - 1];
  if (!first || !last) return 'Er is nog geen implementatietekort te meten: nog geen maatregel geldt.';
  return (
    `Het implementatietekort ging van ${percentText(first.tekort)} op ${formatDutchDate(first.peildatum)} ` +
    `naar ${percentText(last.tekort)} op ${formatDutchDate(last.peildatum)}; ` +
    `het aandeel geïmplementeerd is nu ${percentText(last.aandeelGeimplementeerd)}.`
  );
}

/**
 * Every how many points a month is labelled: as many labels as fit in `innerWidth` px, counted
 * back from the last point ("nu"), which always has one.
 */
export function labelStep(count: number, innerWidth: number, labelPx = MONTH_LABEL_PX): number {
  if (count < 2) return 1;
  return Math.max(1, Math.ceil((labelPx * (count - 1)) / innerWidth));
}

/**
 * The implementation deficit (solid line) and the share implemented (dashed line) at each month
 * end. Plain SVG: one small line chart does not need a library. It is laid out at its width in
 * CSS px, so its text (13 px in charts.css) stays that size on a narrow screen.
 */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  const [svgRef, measured] = useWidth<SVGSVGElement>(WIDTH);
  const width = Math.max(MIN_WIDTH, measured.width);
  const innerWidth = width - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) => PAD.left + (points.length > 1 ? (index / (points.length - 1)) * innerWidth : innerWidth / 2);
  const y = (share: number) => PAD.top + (1 - share) * innerHeight;
  const labelEvery = labelStep(points.length, innerWidth);
  const deficit = linePath(points.map((point, index) => [x(index), point.tekort === null ? null : y(point.tekort)] as const));
  const implemented = linePath(points.map((point, index) => [x(index), y(point.aandeelGeimplementeerd)] as const));

  return (
    <>
      <ul className="spoorboek-chart-legend" aria-label="Legenda">
        <li>
          <span className="spoorboek-line-swatch spoorboek-line-swatch--deficit" aria-hidden="true" />
          Implementatietekort (doorgetrokken lijn)
        </li>
        <li>
          <span className="spoorboek-line-swatch spoorboek-line-swatch--implemented" aria-hidden="true" />
          Aandeel geïmplementeerd (stippellijn)
        </li>
      </ul>
      <svg
        ref={svgRef}
        className="spoorboek-trend"
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-label={trendSummary(points)}
        preserveAspectRatio="xMidYMid meet"
      >
        {GRID.map((share) => (
          <g key={share}>
            <line className="spoorboek-trend__grid" x1={PAD.left} x2={width - PAD.right} y1={y(share)} y2={y(share)} />
            <text className="spoorboek-trend__axis" x={PAD.left - 8} y={y(share) + 4} textAnchor="end">
              {percentText(share)}
            </text>
          </g>
        ))}
        {points.map((point, index) =>
          (points.length - 1 - index) % labelEvery === 0 ? (
            <text key={point.peildatum} className="spoorboek-trend__axis" x={x(index)} y={HEIGHT - PAD.bottom + 20} textAnchor="middle">
              {index === points.length - 1 ? 'nu' : shortDate(point.peildatum)}
            </text>
          ) : null,
        )}
        <path className="spoorboek-trend__line spoorboek-trend__line--implemented" d={implemented} />
        <path className="spoorboek-trend__line spoorboek-trend__line--deficit" d={deficit} />
        {points.map((point, index) =>
          point.tekort === null ? null : (
            <circle key={point.peildatum} className="spoorboek-trend__dot" cx={x(index)} cy={y(point.tekort)} r={3.5} />
          ),
        )}
      </svg>
    </>
  );
}

export function TrendTable({ points }: { points: TrendPoint[] }) {
  return (
    <DataTable
      id="trend-tabel"
      caption="Implementatietekort en aandeel geïmplementeerd per maandeinde"
      columns={['Peildatum', 'Implementatietekort', 'Aandeel geïmplementeerd', 'Gemiddelde achterstand']}
    >
      {points.map((point) => (
        <TableRow key={point.peildatum}>
          <TableHeaderCell scope="row">{formatDutchDate(point.peildatum)}</TableHeaderCell>
          <TableCell>{percentText(point.tekort)}</TableCell>
          <TableCell>{percentText(point.aandeelGeimplementeerd)}</TableCell>
          <TableCell>
            {point.gemiddeldeAchterstandDagen === null ? '–' : `${point.gemiddeldeAchterstandDagen.toLocaleString('nl-NL')} dagen`}
          </TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
