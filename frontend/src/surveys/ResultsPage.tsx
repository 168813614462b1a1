import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Heading,
  Paragraph,
  TableCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useParams } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { NotFoundPage } from '../app/NotFoundPage';
import { ApiError } from '../api/problem';
import { SelectField } from '../forms/fields';
import { DataTable } from '../shared/DataTable';
import { ErrorAlert } from '../shared/ErrorAlert';
import { FactList } from '../shared/FactList';
import { StatusMessage } from '../shared/StatusMessage';
import { resultsQuery, type Figure, type Grouping, type QuestionResult, type RoundResults } from './api';
import { mean, percentage, TOO_FEW } from './labels';

const GROUPINGS: Record<Grouping, string> = { provincie: 'Provincie', arbeidsmarktregio: 'Arbeidsmarktregio' };

function FigureRow({ label, figure }: { label: string; figure: Figure }) {
  return (
    <TableRow>
      <TableCell>{label}</TableCell>
      <TableCell>{figure.teWeinigAntwoorden ? TOO_FEW : figure.respondenten}</TableCell>
      <TableCell>{figure.teWeinigAntwoorden ? TOO_FEW : mean(figure.gemiddelde)}</TableCell>
    </TableRow>
  );
}

function QuestionSection({ number, result, grouping }: { number: number; result: QuestionResult; grouping: Grouping }) {
  const headingId = `vraag-${result.vraag.id}-kop`;
  return (
    <section aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        Vraag {number}: {result.vraag.tekst}
      </Heading>
      {result.totaal ? (
        <DataTable
          id={`vraag-${result.vraag.id}-tabel`}
          caption={`Vraag ${number} per ${GROUPINGS[grouping].toLowerCase()}: respondenten en gemiddeld cijfer (1 tot en met 5)`}
          columns={[GROUPINGS[grouping], 'Respondenten', 'Gemiddeld cijfer']}
        >
          <FigureRow label="Alle gemeenten" figure={result.totaal} />
          {result.groepen.map((g) => (
            <FigureRow key={g.sleutel} label={g.naam ?? g.sleutel ?? ''} figure={g} />
          ))}
        </DataTable>
      ) : (
        <>
          {result.openAntwoorden.length > 0 ? (
            <UnorderedList>
              {result.openAntwoorden.map((text, index) => (
                <UnorderedListItem key={index}>{text}</UnorderedListItem>
              ))}
            </UnorderedList>
          ) : (
            <Paragraph>Geen open antwoorden om te tonen.</Paragraph>
          )}
          {result.nietGetoond > 0 && (
            <Paragraph>
              {result.nietGetoond} {result.nietGetoond === 1 ? 'antwoord is' : 'antwoorden zijn'} niet getoond: de controle
              op persoonsgegevens vond er iets in.
            </Paragraph>
          )}
        </>
      )}
    </section>
  );
}

function Municipalities({ results }: { results: RoundResults }) {
  const scale = results.vragen.filter((q) => q.vraag.soort === 'schaal');
  const open = results.vragen.filter((q) => q.vraag.soort === 'open');
  const number = new Map(results.vragen.map((q, index) => [q.vraag.id, index + 1]));
  return (
    <section aria-labelledby="per-gemeente">
      <Heading level={2} id="per-gemeente">
        Per gemeente
      </Heading>
      <Alert type="warning">
        <Paragraph>
          Alleen voor het programmateam: deze antwoorden zijn nooit openbaar en niet voor gemeenten of ketenpartners.
        </Paragraph>
      </Alert>
      <DataTable
        id="per-gemeente-tabel"
        caption="Antwoorden per gemeente"
        columns={[
          'Gemeente',
          'Uitgenodigd',
          'Beantwoord',
          ...scale.map((q) => `Vraag ${number.get(q.vraag.id)}`),
          ...open.map((q) => `Vraag ${number.get(q.vraag.id)} (open)`),
        ]}
      >
        {results.gemeenten.map((g) => {
          const answers = (id: number) => g.antwoorden.filter((a) => a.vraag === id);
          return (
            <TableRow key={g.gemeente.code}>
              <TableCell>{g.gemeente.naam}</TableCell>
              <TableCell>{g.uitgenodigd}</TableCell>
              <TableCell>{g.beantwoord}</TableCell>
              {scale.map((q) => (
                <TableCell key={q.vraag.id}>{answers(q.vraag.id).map((a) => a.score).join(', ') || '–'}</TableCell>
              ))}
              {open.map((q) => (
                <TableCell key={q.vraag.id}>
                  {answers(q.vraag.id)
                    .map((a) => (a.tekstNietGetoond ? '(niet getoond)' : a.tekst))
                    .filter(Boolean)
                    .join(' / ') || '–'}
                </TableCell>
              ))}
            </TableRow>
          );
        })}
      </DataTable>
    </section>
  );
}

/** /peilingen/:id/resultaten: a round's response and answers, for the team. */
export default function ResultsPage() {
  const id = Number(useParams().id);
  const [grouping, setGrouping] = useState<Grouping>('provincie');
  const results = useQuery({ ...resultsQuery(id, grouping), enabled: Number.isInteger(id) && id > 0 });
  if (!Number.isInteger(id) || id <= 0 || (results.error instanceof ApiError && results.error.status === 404)) {
    return <NotFoundPage />;
  }
  const r = results.data;
  return (
    <>
      <title>{`Resultaten ${r?.ronde.titel ?? ''} – Peilingen – Spoorboek`}</title>
      <Heading level={1}>Resultaten{r ? `: ${r.ronde.titel}` : ''}</Heading>
      <AppLink to={`/peilingen/${id}`}>Terug naar de ronde</AppLink>
      {results.isPending && <StatusMessage>Resultaten laden…</StatusMessage>}
      {results.isError && <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />}
      {r && (
        <>
          <FactList
            facts={[
              ['Uitgenodigd', String(r.ronde.uitgenodigd)],
              ['Beantwoord', String(r.ronde.beantwoord)],
              ['Respons', percentage(r.ronde.respons)],
            ]}
          />
          <Heading level={2}>Per vraag</Heading>
          <Paragraph>
            Een cijfer staat er alleen bij ten minste {r.minimaleGroep} respondenten, en nooit zo dat het verschil van twee
            getoonde cijfers een kleinere groep overlaat; anders staat er ‘{TOO_FEW}’. Zo is geen gemeente uit de cijfers
            te herleiden. Open antwoorden staan er alleen als de controle op persoonsgegevens niets vond.
          </Paragraph>
          <SelectField
            id="groepering"
            label="Groeperen per"
            value={grouping}
            onChange={(event) => setGrouping(event.target.value as Grouping)}
          >
            {Object.entries(GROUPINGS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          {r.vragen.map((q, index) => (
            <QuestionSection key={q.vraag.id} number={index + 1} result={q} grouping={r.groepering} />
          ))}
          <Municipalities results={r} />
        </>
      )}
    </>
  );
}
