import {
  ButtonGroup,
  Heading,
  Link,
  Paragraph,
  SecondaryActionButton,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useSearchParams } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { DataTable } from '../shared/DataTable';
import { DutchDateTime } from '../shared/DutchDateTime';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { steeringXlsxHref, useSteeringReport } from './api';
import { BODY_LABELS, KIND_LABELS } from './labels';
import { REGISTER_PATH } from './paths';
import { PeriodForm, type PeriodPreset } from './PeriodForm';
import { agesText, periodText, quarter, reportQueryFrom, yearOf } from './report';
import type { SteeringReport } from './types';
import './signals.css';

const presets = (today: Date): PeriodPreset[] => [
  { label: 'Dit kwartaal', period: quarter(today) },
  { label: 'Vorig kwartaal', period: quarter(today, -1) },
  { label: 'Dit jaar', period: yearOf(today) },
];

function Counts({ report }: { report: SteeringReport }) {
  const open = agesText(report.leeftijdOpen);
  const closed = agesText(report.leeftijdAfgesloten);
  return (
    <>
      <DataTable id="rapportage-aantallen" caption="Signalen in de periode" visibleCaption columns={['Wat', 'Aantal']}>
        {(
          [
            ['Gemeld', report.gemeld],
            ['Doorgezet', report.doorgezet],
            ['Reactie ontvangen', report.beantwoord],
            ['Afgesloten (teruggekoppeld of afgewezen)', report.afgesloten],
          ] as const
        ).map(([label, count]) => (
          <TableRow key={label}>
            <TableHeaderCell scope="row">{label}</TableHeaderCell>
            <TableCell className="spoorboek-number">{count}</TableCell>
          </TableRow>
        ))}
      </DataTable>
      <DataTable id="rapportage-leeftijden" caption="Leeftijden" visibleCaption columns={['Signalen', 'Aantal', 'Mediaan', 'Langste']}>
        <TableRow>
          <TableHeaderCell scope="row">Open op het peilmoment</TableHeaderCell>
          <TableCell className="spoorboek-number">{report.leeftijdOpen.aantal}</TableCell>
          <TableCell className="spoorboek-nowrap">{open.median}</TableCell>
          <TableCell className="spoorboek-nowrap">{open.longest}</TableCell>
        </TableRow>
        <TableRow>
          <TableHeaderCell scope="row">Afgesloten in de periode</TableHeaderCell>
          <TableCell className="spoorboek-number">{report.leeftijdAfgesloten.aantal}</TableCell>
          <TableCell className="spoorboek-nowrap">{closed.median}</TableCell>
          <TableCell className="spoorboek-nowrap">{closed.longest}</TableCell>
        </TableRow>
      </DataTable>
    </>
  );
}

function Breakdowns({ report }: { report: SteeringReport }) {
  return (
    <>
      <DataTable id="rapportage-instanties" caption="Open per instantie" visibleCaption columns={['Doorgezet aan', 'Open']}>
        {report.openPerInstantie.length === 0 ? (
          <TableRow>
            <TableCell colSpan={2}>Niets open op het peilmoment.</TableCell>
          </TableRow>
        ) : (
          report.openPerInstantie.map((row) => (
            <TableRow key={row.aan ?? 'geen'}>
              <TableHeaderCell scope="row">{row.aan ? BODY_LABELS[row.aan] : 'Nog niet doorgezet'}</TableHeaderCell>
              <TableCell className="spoorboek-number">{row.aantal}</TableCell>
            </TableRow>
          ))
        )}
      </DataTable>
      <DataTable id="rapportage-soorten" caption="Soorten van de gemelde signalen" visibleCaption columns={['Soort', 'Gemeld']}>
        {report.soorten.length === 0 ? (
          <TableRow>
            <TableCell colSpan={2}>Niets gemeld in de periode.</TableCell>
          </TableRow>
        ) : (
          report.soorten.map((row) => (
            <TableRow key={row.soort}>
              <TableHeaderCell scope="row">{KIND_LABELS[row.soort]}</TableHeaderCell>
              <TableCell className="spoorboek-number">{row.aantal}</TableCell>
            </TableRow>
          ))
        )}
      </DataTable>
      <DataTable id="rapportage-maatregelen" caption="Maatregelen met de meeste gemelde signalen" visibleCaption columns={['Maatregel', 'Gemeld']}>
        {report.maatregelen.length === 0 ? (
          <TableRow>
            <TableCell colSpan={2}>Geen signalen bij een maatregel gemeld in de periode.</TableCell>
          </TableRow>
        ) : (
          report.maatregelen.map((row) => (
            <TableRow key={row.maatregel.code}>
              <TableHeaderCell scope="row">
                {row.maatregel.code} {row.maatregel.naam}
              </TableHeaderCell>
              <TableCell className="spoorboek-number">{row.aantal}</TableCell>
            </TableRow>
          ))
        )}
      </DataTable>
    </>
  );
}

/** /signalen/rapportage: the steering report of a period, printable, and as a workbook. */
export default function SteeringReportPage() {
  const [params] = useSearchParams();
  const query = reportQueryFrom(params);
  const report = useSteeringReport(query);
  return (
    <>
      <title>Stuurrapportage signalen – Spoorboek</title>
      <Paragraph className="spoorboek-no-print">
        <AppLink to={REGISTER_PATH}>Terug naar het register</AppLink>
      </Paragraph>
      <Heading level={1}>Stuurrapportage signalen</Heading>
      <Paragraph appearance="lead">
        Wat in een periode is gemeld, doorgezet en beantwoord, hoe oud de open en afgesloten signalen zijn, wat er per
        instantie openstaat, en welke soorten en maatregelen het vaakst terugkomen. Zonder periode: het lopende kwartaal.
      </Paragraph>
      <PeriodForm key={params.toString()} query={query} idPrefix="periode" presets={presets(new Date())} className="spoorboek-no-print" />
      <StatusMessage>{report.isPending ? 'Rapportage laden…' : report.isFetching ? 'Rapportage bijwerken…' : ''}</StatusMessage>
      {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && (
        <section aria-labelledby="rapportage-kop" className="spoorboek-section spoorboek-report">
          <Heading level={2} id="rapportage-kop">
            {periodText(report.data.periode)}
          </Heading>
          <Paragraph className="spoorboek-muted">
            Leeftijden en open signalen gemeten op <DutchDateTime value={report.data.peilmoment} />.
          </Paragraph>
          <ButtonGroup className="spoorboek-no-print">
            <SecondaryActionButton type="button" onClick={() => window.print()}>
              Afdrukken
            </SecondaryActionButton>
            <Link href={steeringXlsxHref({ van: report.data.periode.van, tot: report.data.periode.tot })} download>
              Download als Excel (XLSX)
            </Link>
          </ButtonGroup>
          <div className="spoorboek-report__tables">
            <Counts report={report.data} />
            <Breakdowns report={report.data} />
          </div>
        </section>
      )}
    </>
  );
}
