import { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

import { AppLink } from '../app/AppLink';
import { DataTable } from '../shared/DataTable';
import { percentText, PHASE_LABELS, PHASES } from '../progress/labels';
import { changeHeading, shareChangeCell, type MaybeChanged } from './change';
import type { GroupFigures } from './types';

interface PhaseBarsProps {
  groups: GroupFigures[];
  /** Where a group's label links to (a measure's page, say); plain text without it. */
  hrefFor?: (code: string) => string;
  /** Show the code before the name (M01 Giftenvrijlating). */
  showCode?: boolean;
}

const label = (group: GroupFigures, showCode: boolean) =>
  showCode ? `${group.groep.code} ${group.groep.naam}` : group.groep.naam;

const count = (group: GroupFigures, phase: string) => group.perFase[phase] ?? 0;

/** "Geïmplementeerd 254, Geëvalueerd 60, …": what one bar shows, for screen readers. */
export function phaseSummary(group: GroupFigures): string {
  const parts = PHASES.filter((phase) => count(group, phase) > 0).map(
    (phase) => `${PHASE_LABELS[phase]} ${count(group, phase).toLocaleString('nl-NL')}`,
  );
  return `${parts.join(', ') || 'Geen gegevens'} (van ${group.cellen.toLocaleString('nl-NL')})`;
}

/** What the colours of the phases mean; each colour also has its own position in the bar. */
export function PhaseLegend() {
  return (
    <ul className="spoorboek-chart-legend" aria-label="Legenda">
      {PHASES.map((phase) => (
        <li key={phase}>
          <span className={`spoorboek-swatch spoorboek-phase--${phase}`} aria-hidden="true" />
          {PHASE_LABELS[phase]}
        </li>
      ))}
    </ul>
  );
}

/**
 * Stacked horizontal bars, one per group, split by implementation phase. Plain HTML and CSS:
 * a few dozen bars need no chart library, and render in a blink.
 */
export function PhaseBars({ groups, hrefFor, showCode = false }: PhaseBarsProps) {
  return (
    <>
      <PhaseLegend />
      <ul className="spoorboek-bars">
        {groups.map((group) => (
          <li key={group.groep.code} className="spoorboek-bars__row">
            <span className="spoorboek-bars__label">
              {hrefFor ? <AppLink to={hrefFor(group.groep.code)}>{label(group, showCode)}</AppLink> : label(group, showCode)}
            </span>
            <span className="spoorboek-bars__bar" role="img" aria-label={phaseSummary(group)}>
              {PHASES.map((phase) =>
                count(group, phase) > 0 ? (
                  <span
                    key={phase}
                    className={`spoorboek-bars__segment spoorboek-phase--${phase}`}
                    style={{ width: `${(count(group, phase) / group.cellen) * 100}%` }}
                  />
                ) : null,
              )}
            </span>
            <span className="spoorboek-bars__value">
              {percentText(group.aandeelGeimplementeerd)}
              <span className="spoorboek-visually-hidden"> geïmplementeerd</span>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The table equivalent of PhaseBars: counts per phase, the share implemented, its change since the
 * previous month (when the groups carry one, as the overview's and the dashboard's do) and the deficit.
 */
export function PhaseTable({
  id,
  caption,
  groups,
  showCode = false,
}: {
  id: string;
  caption: string;
  groups: (GroupFigures & MaybeChanged)[];
  showCode?: boolean;
}) {
  const withChange = groups.some((group) => group.vorigePeriode);
  return (
    <DataTable
      id={id}
      caption={caption}
      columns={[
        'Groep',
        ...PHASES.map((phase) => PHASE_LABELS[phase]),
        'Geïmplementeerd (%)',
        // The unit in the heading, not in every cell: ten columns fit a wide screen.
        ...(withChange ? [`${changeHeading(groups)} (procentpunt)`] : []),
        'Te laat',
        'Tekort',
      ]}
    >
      {groups.map((group) => (
        <TableRow key={group.groep.code}>
          <TableHeaderCell scope="row">{label(group, showCode)}</TableHeaderCell>
          {PHASES.map((phase) => (
            <TableCell key={phase}>{count(group, phase).toLocaleString('nl-NL')}</TableCell>
          ))}
          <TableCell>{percentText(group.aandeelGeimplementeerd)}</TableCell>
          {withChange && <TableCell>{shareChangeCell(group, '')}</TableCell>}
          <TableCell>{group.teLaat.toLocaleString('nl-NL')}</TableCell>
          <TableCell>{percentText(group.tekort)}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
