import {
  ButtonGroup,
  Heading,
  Paragraph,
  SecondaryActionButton,
  TableCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';

import { AppLink } from '../../app/AppLink';
import { DataTable } from '../../shared/DataTable';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { PeriodForm, type PeriodPreset } from '../../signals/PeriodForm';
import { periodText, reportQueryFrom } from '../../signals/report';
import { KIND_LABELS, isKind } from '../labels';
import { AGENDA_PATH } from '../paths';
import { fetchReachCsv, useReach, type ReachQuery } from './api';
import { plural } from './labels';
import type { ReachGroup } from './types';
import './team.css';

const number = new Intl.NumberFormat('nl-NL');

/** The half-year `offset` half-years from the one `today` is in (-1: the previous one). */
export function halfYear(today: Date, offset = 0): Required<ReachQuery> {
  const index = today.getFullYear() * 2 + (today.getMonth() < 6 ? 0 : 1) + offset;
  const year = Math.floor(index / 2);
  return index % 2 === 0 ? { van: `${year}-01-01`, tot: `${year}-06-30` } : { van: `${year}-07-01`, tot: `${year}-12-31` };
}

const presets = (today: Date): PeriodPreset[] => [
  { label: 'Dit halfjaar', period: halfYear(today) },
  { label: 'Vorig halfjaar', period: halfYear(today, -1) },
];

function GroupTable({ id, caption, first, rows, label = (row) => row.groep.naam, ofMunicipalities = false }: {
  id: string;
  caption: string;
  first: string;
  rows: ReachGroup[];
  label?: (row: ReachGroup) => string;
  ofMunicipalities?: boolean;
}) {
  return (
    <section aria-labelledby={`${id}-kop`} className="spoorboek-section">
      <Heading level={2} id={`${id}-kop`}>
        {caption}
      </Heading>
      {rows.length === 0 ? (
        <Paragraph>Geen bijeenkomsten in deze periode.</Paragraph>
      ) : (
        <DataTable
          id={id}
          caption={`${caption}: bijeenkomsten, aanmeldingen en aanwezigen`}
          columns={[first, 'Bijeenkomsten', 'Aanmeldingen', 'Aanwezig', 'Gemeenten bereikt']}
        >
          {rows.map((row) => (
            <TableRow key={row.groep.code}>
              <TableCell>{label(row)}</TableCell>
              <TableCell>{number.format(row.bijeenkomsten)}</TableCell>
              <TableCell>{number.format(row.aanmeldingen)}</TableCell>
              <TableCell>{number.format(row.aanwezig)}</TableCell>
              <TableCell>
                {number.format(row.gemeentenBereikt)}
                {ofMunicipalities && row.gemeenten ? ` van ${number.format(row.gemeenten)}` : ''}
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function CsvButton({ query }: { query: ReachQuery }) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    setStatus('');
    try {
      const blob = await fetchReachCsv(query);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `bereik-bijeenkomsten-${query.van ?? 'halfjaar'}-${query.tot ?? ''}.csv`.replace(/-\.csv$/, '.csv');
      document.body.append(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
      setStatus('Het CSV-bestand is gedownload.');
    } catch {
      setStatus('Het CSV-bestand kon niet worden gedownload. Probeer het opnieuw.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ButtonGroup>
        <SecondaryActionButton type="button" busy={busy} disabled={busy} onClick={() => void download()}>
          Download als CSV
        </SecondaryActionButton>
      </ButtonGroup>
      <StatusMessage>{status}</StatusMessage>
    </>
  );
}

/** /bijeenkomsten/bereik: whom the meetings reached in a period, and which municipalities they did not. */
export default function ReachPage() {
  const [params] = useSearchParams();
  const query = reportQueryFrom(params);
  const reach = useReach(query);
  const data = reach.data;
  return (
    <>
      <title>Bereik van de bijeenkomsten – Spoorboek</title>
      <Paragraph>
        <AppLink to={AGENDA_PATH}>Naar de agenda</AppLink>
      </Paragraph>
      <Heading level={1}>Bereik van de bijeenkomsten</Heading>
      <Paragraph appearance="lead">
        Hoeveel bijeenkomsten er waren, wie zich aanmeldde en wie er kwam, per maatregel, soort, provincie en
        arbeidsmarktregio; en welke gemeenten geen enkele bijeenkomst bereikte. Zonder periode: het lopende halfjaar.
      </Paragraph>
      <PeriodForm key={params.toString()} query={query} idPrefix="bereik" presets={presets(new Date())} />
      <StatusMessage>{reach.isPending ? 'Bereik laden…' : reach.isFetching ? 'Bereik bijwerken…' : ''}</StatusMessage>
      {reach.isError && <ErrorAlert error={reach.error} onRetry={() => void reach.refetch()} />}
      {data && (
        <>
          <section aria-labelledby="bereik-totaal-kop" className="spoorboek-section">
            <Heading level={2} id="bereik-totaal-kop">
              {periodText(data.periode)}
            </Heading>
            <Paragraph>
              {plural(data.totaal.bijeenkomsten, 'bijeenkomst', 'bijeenkomsten')}, {number.format(data.totaal.aanmeldingen)}{' '}
              aangemeld, {number.format(data.totaal.aanwezig)} aanwezig; {plural(data.totaal.gemeentenBereikt, 'gemeente', 'gemeenten')}{' '}
              bereikt.
            </Paragraph>
            <Paragraph className="spoorboek-muted">{data.methode}</Paragraph>
            <CsvButton query={{ van: data.periode.van, tot: data.periode.tot }} />
          </section>
          <GroupTable
            id="bereik-maatregel"
            caption="Per maatregel"
            first="Maatregel"
            rows={data.perMaatregel}
            label={(row) => `${row.groep.code} ${row.groep.naam}`}
          />
          <GroupTable
            id="bereik-soort"
            caption="Per soort bijeenkomst"
            first="Soort"
            rows={data.perSoort}
            label={(row) => (isKind(row.groep.code) ? KIND_LABELS[row.groep.code] : row.groep.naam)}
          />
          <GroupTable id="bereik-provincie" caption="Per provincie" first="Provincie" rows={data.perProvincie} ofMunicipalities />
          <GroupTable
            id="bereik-regio"
            caption="Per arbeidsmarktregio"
            first="Arbeidsmarktregio"
            rows={data.perArbeidsmarktregio}
            ofMunicipalities
          />
          <section aria-labelledby="niet-bereikt-kop" className="spoorboek-section">
            <Heading level={2} id="niet-bereikt-kop">
              Niet bereikt ({plural(data.nietBereikt.length, 'gemeente', 'gemeenten')})
            </Heading>
            {data.nietBereikt.length === 0 ? (
              <Paragraph>Elke gemeente is in deze periode bereikt.</Paragraph>
            ) : (
              <DataTable
                id="niet-bereikt"
                caption="Gemeenten zonder enig bereik, de meeste inwoners eerst"
                columns={['Gemeente', 'Provincie', 'Arbeidsmarktregio', 'Inwoners']}
              >
                {data.nietBereikt.map((row) => (
                  <TableRow key={row.code}>
                    <TableCell>{row.naam}</TableCell>
                    <TableCell>{row.provincie.naam}</TableCell>
                    <TableCell>{row.arbeidsmarktregio.naam}</TableCell>
                    <TableCell>{number.format(row.inwoners)}</TableCell>
                  </TableRow>
                ))}
              </DataTable>
            )}
          </section>
        </>
      )}
    </>
  );
}
