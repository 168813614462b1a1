import { Heading } from '@utrecht/component-library-react';

import type { MatrixView } from './filters';
import { LIGHT_LABELS, LIGHT_SYMBOLS, LIGHTS, PHASE_ABBREVIATIONS, PHASE_LABELS, PHASES } from './labels';

/** What the colours, letters and shapes in the heat map mean. */
export function HeatMapLegend({ view }: { view: MatrixView }) {
  return (
    <section aria-labelledby="legenda-kop" className="spoorboek-legend">
      <Heading level={2} id="legenda-kop">
        Legenda
      </Heading>
      <div className="spoorboek-legend__groups">
        <dl className="spoorboek-legend__list">
          {PHASES.map((phase) => (
            <div key={phase} className="spoorboek-legend__item">
              <dt className={`spoorboek-heat ${view === 'fase' ? `spoorboek-heat--${phase}` : ''}`}>
                {PHASE_ABBREVIATIONS[phase]}
              </dt>
              <dd>{PHASE_LABELS[phase]}</dd>
            </div>
          ))}
        </dl>
        <dl className="spoorboek-legend__list">
          {LIGHTS.map((light) => (
            <div key={light} className="spoorboek-legend__item">
              <dt className={`spoorboek-heat ${view === 'verkeerslicht' ? `spoorboek-heat--${light}` : ''}`}>
                {LIGHT_SYMBOLS[light]}
              </dt>
              <dd>{LIGHT_LABELS[light]}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
