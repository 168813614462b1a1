import { memo } from 'react';

import { ScrollTable } from '../shared/ScrollTable';
import { AppLink } from '../app/AppLink';
import type { MatrixView } from './filters';
import { isPhase, isTrafficLight, LIGHT_SYMBOLS, lightLabel, PHASE_ABBREVIATIONS, phaseLabel } from './labels';
import { municipalityPath } from './paths';
import type { Matrix } from './types';

/** One cell: the phase's letters and the light's shape on screen, both in words for screen readers. */
function HeatCell({ phase, light, view }: { phase: string; light: string; view: MatrixView }) {
  const shade = view === 'fase' ? phase : light;
  return (
    <td className={`spoorboek-heat spoorboek-heat--${shade}`}>
      <span aria-hidden="true">
        {isPhase(phase) ? PHASE_ABBREVIATIONS[phase] : phase}
        {isTrafficLight(light) ? LIGHT_SYMBOLS[light] : ''}
      </span>
      <span className="spoorboek-visually-hidden">
        {phaseLabel(phase)}, {lightLabel(light).toLowerCase()}
      </span>
    </td>
  );
}

/**
 * The matrix as a plain table (municipalities × measures) with real row and column headers, so
 * screen readers announce both for every cell. 342 × 23 cells render fast enough without
 * virtualisation; memo keeps typing in the filters from re-rendering it.
 */
export const HeatMap = memo(function HeatMap({ matrix, view }: { matrix: Matrix; view: MatrixView }) {
  return (
    <div className="spoorboek-heatmap">
      <ScrollTable labelledBy="matrix-tabel">
        <table className="utrecht-table spoorboek-heatmap__table">
          <caption id="matrix-tabel" className="spoorboek-visually-hidden">
            Fase en verkeerslicht per gemeente en maatregel
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell spoorboek-heatmap__corner">
                Gemeente
              </th>
              {matrix.maatregelen.map((measure) => (
                <th key={measure.code} scope="col" className="utrecht-table__header-cell spoorboek-heatmap__measure">
                  <abbr title={measure.naam}>{measure.code}</abbr>
                  <span className="spoorboek-visually-hidden"> {measure.naam}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {matrix.gemeenten.map((row) => (
              <tr key={row.gemeente.code} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell spoorboek-heatmap__municipality">
                  <AppLink to={municipalityPath(row.gemeente.code)}>{row.gemeente.naam}</AppLink>
                </th>
                {row.fasen.map((phase, index) => (
                  <HeatCell key={index} phase={phase} light={row.verkeerslichten[index] ?? ''} view={view} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </div>
  );
});
