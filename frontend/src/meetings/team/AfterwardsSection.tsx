import { Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';

import { DataTable } from '../../shared/DataTable';
import { formatDutchDate } from '../../shared/dates';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { useMeetingEffect, useMeetingEvaluation } from './api';
import { plural } from './labels';
import type { EffectGroup, MeetingDetail } from './types';

const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function shareText(group: EffectGroup): string {
  if (group.aandeel === null) return '–';
  return `${percent.format(group.aandeel)}${group.teKlein ? ' (te weinig gemeenten)' : ''}`;
}

/** Of the municipalities invited (or late or at risk), did those who came move a phase forward faster? */
function EffectPart({ meeting }: { meeting: MeetingDetail }) {
  const effect = useMeetingEffect(meeting.id, meeting.maatregelen.length > 0);
  if (meeting.maatregelen.length === 0) return null;
  const data = effect.data;
  return (
    <section aria-labelledby="effect-kop" className="spoorboek-section">
      <Heading level={2} id="effect-kop">
        Effect op de voortgang
      </Heading>
      <StatusMessage>{effect.isPending ? 'Effect berekenen…' : ''}</StatusMessage>
      {effect.isError && <ErrorAlert error={effect.error} onRetry={() => void effect.refetch()} />}
      {data && (
        <>
          <DataTable
            id="effect-tabel"
            caption={`Een fase verder op ${data.maatregelen.map((m) => m.code).join(', ')} tussen ${formatDutchDate(data.peildatumBegin)} en ${formatDutchDate(data.peildatum)}`}
            visibleCaption
            columns={['Gemeenten', 'Aantal', 'Een fase verder', 'Aandeel']}
          >
            {(
              [
                ['Met iemand aanwezig', data.aanwezig],
                ['Niet aanwezig', data.nietAanwezig],
              ] as const
            ).map(([label, group]) => (
              <TableRow key={label}>
                <TableCell>{label}</TableCell>
                <TableCell>{group.aantal}</TableCell>
                <TableCell>{group.vooruit}</TableCell>
                <TableCell>{shareText(group)}</TableCell>
              </TableRow>
            ))}
          </DataTable>
          <Paragraph>{data.methode}</Paragraph>
          {data.voorbehoud && <Paragraph>{data.voorbehoud}</Paragraph>}
        </>
      )}
    </section>
  );
}

/** How useful the attendees found the meeting: only the totals while too few answered. */
function EvaluationPart({ meeting }: { meeting: MeetingDetail }) {
  const evaluation = useMeetingEvaluation(meeting.id, true);
  const data = evaluation.data;
  return (
    <section aria-labelledby="evaluatie-kop" className="spoorboek-section">
      <Heading level={2} id="evaluatie-kop">
        Evaluatie
      </Heading>
      <StatusMessage>{evaluation.isPending ? 'Evaluatie laden…' : ''}</StatusMessage>
      {evaluation.isError && <ErrorAlert error={evaluation.error} onRetry={() => void evaluation.refetch()} />}
      {data && data.aantalGevraagd === 0 && <Paragraph>Nog niemand om een beoordeling gevraagd.</Paragraph>}
      {data && data.aantalGevraagd > 0 && (
        <>
          <Paragraph>
            {plural(data.aantalBeoordeeld, 'beoordeling', 'beoordelingen')} van {data.aantalGevraagd} gevraagde aanwezigen
            {data.responspercentage !== null ? ` (${percent.format(data.responspercentage)})` : ''}.
            {data.gemiddelde !== null && !data.teWeinigAntwoorden ? ` Gemiddeld ${decimal.format(data.gemiddelde)} van 5.` : ''}
          </Paragraph>
          {data.teWeinigAntwoorden && (
            <Paragraph>
              Minder dan {data.minimaleGroepsgrootte} beoordelingen: het gemiddelde en de toelichtingen blijven verborgen, omdat ze
              tot personen te herleiden zouden zijn.
            </Paragraph>
          )}
          {data.verdeling && (
            <DataTable id="evaluatie-tabel" caption="Hoe vaak elke score is gegeven" columns={['Score', 'Aantal']}>
              {data.verdeling.map((row) => (
                <TableRow key={row.score}>
                  <TableCell>{row.score}</TableCell>
                  <TableCell>{row.aantal}</TableCell>
                </TableRow>
              ))}
            </DataTable>
          )}
          {data.toelichtingen.length > 0 && (
            <>
              <Heading level={3}>Toelichtingen</Heading>
              <ul className="spoorboek-quotes">
                {data.toelichtingen.map((text, index) => (
                  <li key={index}>{text}</li>
                ))}
              </ul>
            </>
          )}
          {data.toelichtingenAfgeschermd > 0 && (
            <Paragraph>
              {plural(data.toelichtingenAfgeschermd, 'toelichting', 'toelichtingen')} niet getoond: er staan mogelijk persoonsgegevens in.
            </Paragraph>
          )}
        </>
      )}
    </section>
  );
}

/** After the meeting: the effect on the progress of the municipalities it was for, and the evaluation. */
export function AfterwardsSection({ meeting }: { meeting: MeetingDetail }) {
  if (meeting.status !== 'afgelopen') return null;
  return (
    <>
      <EffectPart meeting={meeting} />
      <EvaluationPart meeting={meeting} />
    </>
  );
}
