import { Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

import { percentText } from '../progress/labels';
import { ChartSection } from '../shared/ChartSection';
import { DataTable } from '../shared/DataTable';
import { formatDutchDate } from '../shared/dates';
import { DutchDay } from '../shared/DutchDay';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { seriesSummary, useMunicipalitySeries } from './series';
import type { SeriesPoint } from './types';

const monthLabel = new Intl.DateTimeFormat('nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' });

function pointLabel(point: SeriesPoint, last: boolean): string {
  return last ? 'Nu' : monthLabel.format(new Date(`${point.peildatum}T00:00:00Z`));
}

/** One bar per month end: short enough for a 360 px screen, no axis to read. */
function SeriesBars({ points }: { points: SeriesPoint[] }) {
  return (
    <ul className="spoorboek-compare">
      {points.map((point, index) => {
        const last = index === points.length - 1;
        return (
          <li key={point.peildatum} className={`spoorboek-compare__row${last ? ' spoorboek-compare__row--self' : ''}`}>
            <span>{pointLabel(point, last)}</span>
            <span className="spoorboek-compare__track" aria-hidden="true">
              <span className="spoorboek-compare__bar" style={{ inlineSize: `${point.aandeelGeimplementeerd * 100}%` }} />
            </span>
            <span>{percentText(point.aandeelGeimplementeerd)}</span>
          </li>
        );
      })}
    </ul>
  );
}

function SeriesTable({ name, points }: { name: string; points: SeriesPoint[] }) {
  return (
    <DataTable
      id="verloop-tabel"
      caption={`${name}: maatregelen geïmplementeerd of geëvalueerd aan het eind van elke maand, en nu`}
      columns={['Peildatum', 'Geïmplementeerd of geëvalueerd', 'Aandeel', 'Implementatietekort']}
    >
      {points.map((point) => (
        <TableRow key={point.peildatum}>
          <TableHeaderCell scope="row">{formatDutchDate(point.peildatum)}</TableHeaderCell>
          <TableCell>
            {point.geimplementeerd.toLocaleString('nl-NL')} van {point.cellen.toLocaleString('nl-NL')}
          </TableCell>
          <TableCell>{percentText(point.aandeelGeimplementeerd)}</TableCell>
          <TableCell>{percentText(point.tekort)}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

/** "Laatst bijgewerkt op …": when the municipality last reported its progress. */
export function LastReported({ code }: { code: string }) {
  const series = useMunicipalitySeries(code);
  if (!series.data) return null;
  const last = series.data.laatstBijgewerkt;
  return (
    <Paragraph>
      {last ? (
        <>
          Laatst bijgewerkt op <DutchDay value={last} />.
        </>
      ) : (
        'De gemeente heeft haar voortgang nog niet doorgegeven.'
      )}
    </Paragraph>
  );
}

/** The municipality's own share implemented at each month end: a small chart with its table. */
export function MunicipalitySeriesSection({ code, name }: { code: string; name: string }) {
  const series = useMunicipalitySeries(code);
  const points = series.data?.punten ?? [];
  return (
    <ChartSection
      id="verloop-kop"
      title="Verloop"
      intro={<Paragraph>{series.data ? seriesSummary(name, points) : `Het aandeel geïmplementeerd van ${name} aan het eind van elke maand.`}</Paragraph>}
      table={series.data ? <SeriesTable name={name} points={points} /> : null}
      herkomst={series.data?.herkomst}
      csvSubject={`het verloop van ${name}`}
    >
      <StatusMessage>{series.isPending ? 'Verloop laden…' : ''}</StatusMessage>
      {series.isError && <ErrorAlert error={series.error} onRetry={() => void series.refetch()} />}
      {series.data && <SeriesBars points={points} />}
    </ChartSection>
  );
}
