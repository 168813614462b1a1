import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';

import { AppLink } from '../app/AppLink';
import { DataTable } from '../shared/DataTable';
import { DutchDate } from '../shared/DutchDate';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { useClusters, useInsight } from './api';
import { barShare } from './insight';
import { shareText, workingDaysText } from './labels';
import { faqPath, questionPath } from './paths';
import type { ClusterList, CountRow } from './types';
import './questions.css';

/** A table of counts; the bar is decoration (the number is in the cell), so it is hidden from screen readers. */
function CountTable({ id, caption, first, rows }: { id: string; caption: string; first: string; rows: { key: string; name: string; count: number }[] }) {
  const max = Math.max(0, ...rows.map((row) => row.count));
  return (
    <section aria-labelledby={`${id}-kop`} className="spoorboek-section">
      <Heading level={2} id={`${id}-kop`}>
        {caption}
      </Heading>
      {rows.length === 0 ? (
        <Paragraph>Geen vragen in deze periode.</Paragraph>
      ) : (
        <DataTable id={id} caption={caption} columns={[first, 'Aantal vragen']}>
          {rows.map((row) => (
            <TableRow key={row.key}>
              <TableHeaderCell scope="row" className="spoorboek-row-header">
                {row.name}
              </TableHeaderCell>
              <TableCell className="spoorboek-bar-cell">
                <span className="spoorboek-bar" aria-hidden="true" style={{ inlineSize: `${barShare(row.count, max) * 100}%` }} />
                <span className="spoorboek-bar__value">{row.count}</span>
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}

const rowsOf = (rows: CountRow[]) => rows.map((row) => ({ key: row.sleutel, name: row.naam, count: row.aantal }));

function Clusters({ clusters }: { clusters: ClusterList }) {
  if (clusters.resultaten.length === 0) return <Paragraph>Geen groepen gelijkende vragen gevonden.</Paragraph>;
  return (
    <ol className="spoorboek-clusters">
      {clusters.resultaten.map((cluster, index) => (
        <li key={index} aria-labelledby={`cluster-${index}`}>
          <Heading level={3} id={`cluster-${index}`}>
            {cluster.aantal} vragen over {cluster.kernwoorden.join(', ')}
          </Heading>
          <UnorderedList>
            {cluster.vragen.map((question) => (
              <UnorderedListItem key={question.id}>
                <AppLink to={questionPath(question.id, true)}>
                  Vraag {question.id}: {question.onderwerp}
                </AppLink>
              </UnorderedListItem>
            ))}
          </UnorderedList>
          {cluster.faq.length > 0 ? (
            <Paragraph>
              Lijkt op de FAQ:{' '}
              {cluster.faq.map((item, position) => (
                <span key={item.id}>
                  {position > 0 && '; '}
                  <AppLink to={faqPath(item.id)}>{item.vraag}</AppLink>
                </span>
              ))}
            </Paragraph>
          ) : (
            <Paragraph className="spoorboek-muted">Nog geen FAQ hierover: een kandidaat.</Paragraph>
          )}
        </li>
      ))}
    </ol>
  );
}

/** /vragen/inzicht: what municipalities ask about, through which channel, and how fast they hear back. */
export default function InsightPage() {
  const insight = useInsight();
  const clusters = useClusters();
  const data = insight.data;
  return (
    <>
      <title>Inzicht in vragen – Spoorboek</title>
      <Heading level={1}>Inzicht in vragen</Heading>
      <StatusMessage>{insight.isPending ? 'Cijfers laden…' : ''}</StatusMessage>
      {insight.isError && <ErrorAlert error={insight.error} onRetry={() => void insight.refetch()} />}
      {data && (
        <>
          <Paragraph appearance="lead">
            Vragen ontvangen van <DutchDate value={data.van} /> tot en met <DutchDate value={data.tot} />.
          </Paragraph>
          <DataList className="spoorboek-facts">
            <DataListItem>
              <DataListKey>Vragen</DataListKey>
              <DataListValue>{data.aantal}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>Mediane tijd tot antwoord</DataListKey>
              <DataListValue>{workingDaysText(data.mediaanWerkdagenTotAntwoord)}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>Binnen de termijn beantwoord</DataListKey>
              <DataListValue>{shareText(data.aandeelBinnenTermijn)}</DataListValue>
            </DataListItem>
          </DataList>
          <CountTable id="per-maatregel" caption="Vragen per maatregel" first="Maatregel" rows={rowsOf(data.perMaatregel)} />
          <CountTable id="per-thema" caption="Vragen per thema" first="Thema" rows={rowsOf(data.perThema)} />
          <CountTable id="per-kanaal" caption="Vragen per kanaal" first="Kanaal" rows={rowsOf(data.perKanaal)} />
          <CountTable
            id="per-week"
            caption="Vragen per week"
            first="Week"
            rows={data.perWeek.map((row) => ({ key: row.week, name: row.week, count: row.aantal }))}
          />
        </>
      )}
      <section aria-labelledby="clusters-kop" className="spoorboek-section">
        <Heading level={2} id="clusters-kop">
          Groepen gelijkende vragen
        </Heading>
        <Paragraph>De grootste groepen eerst: kandidaten voor een veelgestelde vraag, of een signaal.</Paragraph>
        <StatusMessage>{clusters.isPending ? 'Groepen laden…' : ''}</StatusMessage>
        {clusters.isError && <ErrorAlert error={clusters.error} onRetry={() => void clusters.refetch()} />}
        {clusters.data && <Clusters clusters={clusters.data} />}
      </section>
    </>
  );
}
