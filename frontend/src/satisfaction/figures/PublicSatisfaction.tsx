import { Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

import { ChartSection } from '../../shared/ChartSection';
import { DataTable } from '../../shared/DataTable';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { usePublicSatisfaction } from './api';
import { countText, scoreText, shareText } from './labels';
import { ScoreBars } from './ScoreBars';
import type { PublicSatisfaction as Figures } from './types';

/** One sentence that says what the figure shows: the newest shown round and quarter. */
export function satisfactionSummary(figures: Figures): string {
  const round = [...figures.peiling].reverse().find((point) => !point.teWeinigAntwoorden);
  const quarter = [...figures.antwoorden].reverse().find((point) => !point.teWeinigAntwoorden);
  const parts = [
    round ? `In de peiling ${round.periode} gaven contactpersonen de ondersteuning gemiddeld een ${scoreText(round.gemiddelde, false)} (1 tot 5).` : '',
    quarter ? `Vraagstellers gaven de antwoorden in ${quarter.periode} gemiddeld een ${scoreText(quarter.gemiddelde, false)} voor hoe nuttig ze waren.` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : 'Er zijn nog te weinig antwoorden om de tevredenheid te tonen.';
}

/** The overall satisfaction on the public dashboard, with its source, moment and CSV (CC BY 4.0). */
export function PublicSatisfactionBlock() {
  const figures = usePublicSatisfaction();
  const data = figures.data;
  return (
    <ChartSection
      id="tevredenheid-kop"
      title="Tevredenheid over de ondersteuning"
      intro={<Paragraph>{data ? satisfactionSummary(data) : 'Hoe tevreden gemeenten zijn over de ondersteuning.'}</Paragraph>}
      table={
        data ? (
          <>
            <DataTable id="tevredenheid-peiling" caption="Peiling: tevredenheid over de ondersteuning per ronde" columns={['Ronde', 'Gemiddelde', 'Antwoorden', 'Respons']}>
              {data.peiling.map((point) => (
                <TableRow key={`${point.periode}-${point.vraag}`}>
                  <TableHeaderCell scope="row">{point.titel}</TableHeaderCell>
                  <TableCell>{scoreText(point.gemiddelde, point.teWeinigAntwoorden)}</TableCell>
                  <TableCell>{countText(point.aantal, point.teWeinigAntwoorden)}</TableCell>
                  <TableCell>{shareText(point.responspercentage, point.teWeinigAntwoorden)}</TableCell>
                </TableRow>
              ))}
            </DataTable>
            <DataTable id="tevredenheid-antwoorden" caption="Hoe nuttig de antwoorden waren, per kwartaal" columns={['Kwartaal', 'Gemiddelde', 'Beoordeeld']}>
              {data.antwoorden.map((point) => (
                <TableRow key={point.periode}>
                  <TableHeaderCell scope="row">{point.periode}</TableHeaderCell>
                  <TableCell>{scoreText(point.gemiddelde, point.teWeinigAntwoorden)}</TableCell>
                  <TableCell>{countText(point.aantalBeoordeeld, point.teWeinigAntwoorden)}</TableCell>
                </TableRow>
              ))}
            </DataTable>
          </>
        ) : null
      }
      herkomst={data?.herkomst}
      csvSubject="de tevredenheid"
    >
      <StatusMessage>{figures.isPending ? 'Tevredenheid laden…' : ''}</StatusMessage>
      {figures.isError && <ErrorAlert error={figures.error} onRetry={() => void figures.refetch()} />}
      {data && (
        <ScoreBars
          label="Gemiddelde score (1 tot 5) per peilingsronde en per kwartaal"
          bars={[
            ...data.peiling.map((point) => ({
              code: `peiling-${point.periode}-${point.vraag}`,
              label: `Peiling ${point.titel}`,
              share: point.teWeinigAntwoorden || point.gemiddelde === null ? null : point.gemiddelde / 5,
              text: scoreText(point.gemiddelde, point.teWeinigAntwoorden),
            })),
            ...data.antwoorden.map((point) => ({
              code: `antwoorden-${point.periode}`,
              label: `Antwoorden ${point.periode}`,
              share: point.teWeinigAntwoorden || point.gemiddelde === null ? null : point.gemiddelde / 5,
              text: scoreText(point.gemiddelde, point.teWeinigAntwoorden),
            })),
          ]}
        />
      )}
    </ChartSection>
  );
}
