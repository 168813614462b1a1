import { Heading, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react';

import { DutchDate } from '../shared/DutchDate';
import { timeScale, untilText } from './timeline';
import type { Dashboard } from './types';

/** Waves that start on the same day share one mark ("Fase 2 en 3"). */
function marks(waves: Dashboard['fasen']) {
  const byDate = new Map<string, number[]>();
  for (const wave of waves) byDate.set(wave.ingangsdatum, [...(byDate.get(wave.ingangsdatum) ?? []), wave.nummer]);
  return [...byDate].map(([date, numbers]) => ({
    date,
    label: `Fase ${numbers.join(' en ')}`,
  }));
}

/**
 * The waves on a time line with today marked, and the same as a list. The drawing is hidden
 * from screen readers: the list and the sentence above it say everything it shows.
 */
export function WaveTimeline({ dashboard }: { dashboard: Dashboard }) {
  const today = dashboard.peildatum;
  const scale = timeScale([today, ...dashboard.fasen.map((wave) => wave.ingangsdatum)]);
  return (
    <section aria-labelledby="tijdlijn-kop" className="spoorboek-section">
      <Heading level={2} id="tijdlijn-kop">
        Tijdlijn van de fasen
      </Heading>
      {dashboard.volgendeIngangsdatum && dashboard.dagenTotVolgende !== null ? (
        <Paragraph className="spoorboek-countdown">
          <strong className="spoorboek-countdown__days">{untilText(dashboard.dagenTotVolgende)}</strong> gaat de volgende
          fase in, op <DutchDate value={dashboard.volgendeIngangsdatum} />.
        </Paragraph>
      ) : (
        <Paragraph className="spoorboek-countdown">Alle fasen zijn ingegaan.</Paragraph>
      )}
      <div className="spoorboek-timeline" aria-hidden="true">
        <div className="spoorboek-timeline__line" />
        {scale.years.map((tick) => (
          <span key={tick.year} className="spoorboek-timeline__year" style={{ left: `${tick.position}%` }}>
            {tick.year}
          </span>
        ))}
        {marks(dashboard.fasen).map((mark) => (
          <span key={mark.date} className="spoorboek-timeline__wave" style={{ left: `${scale.position(mark.date)}%` }}>
            {mark.label}
          </span>
        ))}
        <span className="spoorboek-timeline__today" style={{ left: `${scale.position(today)}%` }}>
          Vandaag
        </span>
      </div>
      <OrderedList className="spoorboek-wave-list">
        {dashboard.fasen.map((wave) => (
          <OrderedListItem key={wave.nummer}>
            <strong>{wave.naam}</strong>: ingangsdatum <DutchDate value={wave.ingangsdatum} />, {untilText(wave.dagenTotIngang)}.
          </OrderedListItem>
        ))}
      </OrderedList>
    </section>
  );
}
