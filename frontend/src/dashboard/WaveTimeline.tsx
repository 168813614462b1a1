import { Heading, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react';

import { DutchDate } from '../shared/DutchDate';
import {
  anchorWithin,
  labelWidth,
  placeToday,
  timeScale,
  untilText,
  yearAnchor,
  type Anchor,
  type TimelineLabel,
} from './timeline';
import type { Dashboard } from './types';
import { useWidth } from './useWidth';
import './timeline.css';

/** The labels' font size, relative to the time line's (as in charts.css). */
const LABEL_SCALE = 0.875;
/** How far a label may reach beyond the line's ends: the line has a margin of 1.5em either side. */
const SLACK_EM = 1.5;

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
  const [lineRef, { width, fontPx }] = useWidth<HTMLDivElement>(600);
  const labelPx = fontPx * LABEL_SCALE;
  const slack = SLACK_EM * fontPx;
  const at = (position: number, text: string): TimelineLabel => ({ x: (position / 100) * width, width: labelWidth(text, labelPx) });
  const waveMarks = marks(dashboard.fasen).map((mark) => ({ ...mark, label: mark.label, box: at(scale.position(mark.date), mark.label) }));
  const yearMarks = scale.years.map((tick) => ({ ...tick, box: at(tick.position, String(tick.year)) }));
  const todayBox = at(scale.position(today), 'Vandaag');
  const placement = placeToday(
    todayBox,
    waveMarks.map((mark) => mark.box),
    yearMarks.map((tick) => tick.box),
    width,
    { slack },
  );
  const anchored = (anchor: Anchor) => (anchor === 'middle' ? '' : ` spoorboek-timeline__label--${anchor}`);
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
      <div
        ref={lineRef}
        className={`spoorboek-timeline${placement.row === 'under' ? ' spoorboek-timeline--tall' : ''}`}
        aria-hidden="true"
      >
        <div className="spoorboek-timeline__line" />
        {yearMarks.map((tick) => (
          <span
            key={tick.year}
            className={`spoorboek-timeline__year${anchored(
              placement.row === 'under' ? yearAnchor(tick.box, todayBox.x, width, slack) : anchorWithin(tick.box, width, slack),
            )}`}
            style={{ left: `${tick.position}%` }}
          >
            {tick.year}
          </span>
        ))}
        {waveMarks.map((mark) => (
          <span
            key={mark.date}
            className={`spoorboek-timeline__wave${anchored(anchorWithin(mark.box, width, slack))}`}
            style={{ left: `${scale.position(mark.date)}%` }}
          >
            {mark.label}
          </span>
        ))}
        <span
          className={`spoorboek-timeline__today spoorboek-timeline__today--${placement.row}${anchored(placement.anchor)}`}
          style={{ left: `${scale.position(today)}%` }}
        >
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
