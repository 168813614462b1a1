import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ButtonGroup,
  Heading,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  TableCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { storeAnswer } from '../app/queryClient';
import { cellPath } from '../progress/paths';
import { DataTable } from '../shared/DataTable';
import { DutchDay } from '../shared/DutchDay';
import { ErrorAlert } from '../shared/ErrorAlert';
import { FactList } from '../shared/FactList';
import { formatDutchDate } from '../shared/dates';
import { StatusMessage } from '../shared/StatusMessage';
import { acceptSuggestion, dismissSuggestion, signalKeys, useSuggestions } from './api';
import { kindLabel } from './labels';
import { useLimitedRows } from './LimitedRows';
import { QuestionCells } from './SignalCells';
import { KindChoice } from './SignalSelects';
import { REGISTER_PATH, signalPath } from './paths';
import type { SignalKind, SuggestionRead, SuggestionThresholds } from './types';
import './signals.css';

const SOURCE_LABELS: Record<SuggestionRead['bron'], string> = {
  vragen: 'Gelijkende vragen',
  knelpunten: 'Gelijkende knelpunten uit de voortgang',
};

function thresholdsText(thresholds: SuggestionThresholds): string {
  return `Spoorboek stelt een signaal voor als er minstens ${thresholds.gemeenten} gemeenten achter staan, of als het bewijs stijgt: minstens ${thresholds.stijgendMinimaal} nieuw deze maand, en meer dan de maand ervoor. Vragen tellen mee over de laatste ${thresholds.dagenVragen} dagen.`;
}

function Evidence({ suggestion, id }: { suggestion: SuggestionRead; id: string }) {
  const questions = useLimitedRows(suggestion.vragen, 'vragen');
  const blockers = useLimitedRows(suggestion.knelpunten, 'knelpunten');
  return (
    <>
      {suggestion.vragen.length > 0 && (
        <DataTable id={`${id}-vragen`} caption={`Vragen (${suggestion.vragen.length})`} visibleCaption columns={['Vraag', 'Gemeente', 'Ontvangen']}>
          {questions.rows.map((question) => (
            <TableRow key={question.id}>
              <QuestionCells question={question} />
            </TableRow>
          ))}
        </DataTable>
      )}
      {questions.toggle}
      {suggestion.knelpunten.length > 0 && (
        <DataTable
          id={`${id}-knelpunten`}
          caption={`Knelpunten (${suggestion.knelpunten.length})`}
          visibleCaption
          columns={['Gemeente', 'Maatregel', 'Knelpunt']}
        >
          {blockers.rows.map((blocker) => (
            <TableRow key={`${blocker.gemeente.code}/${blocker.maatregel.code}`}>
              <TableCell>
                <AppLink to={cellPath(blocker.gemeente.code, blocker.maatregel.code)}>{blocker.gemeente.naam}</AppLink>
              </TableCell>
              <TableCell>{blocker.maatregel.code}</TableCell>
              <TableCell className="spoorboek-text-cell">{blocker.tekst}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
      {blockers.toggle}
    </>
  );
}

function Actions({ suggestion, id, onDismissed }: { suggestion: SuggestionRead; id: string; onDismissed: (text: string) => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [kind, setKind] = useState<SignalKind | ''>(suggestion.voorstel.soort ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const accept = useMutation({
    mutationFn: () => acceptSuggestion(suggestion.sleutel, kind && kind !== suggestion.voorstel.soort ? { soort: kind } : {}),
    onSuccess: async (signal) => {
      await storeAnswer(queryClient, signalKeys.detail(signal.id), signal);
      await queryClient.invalidateQueries({ queryKey: signalKeys.all, refetchType: 'none' });
      void navigate(signalPath(signal.id), { state: { reported: true } });
    },
  });
  const dismiss = useMutation({
    mutationFn: () => dismissSuggestion(suggestion.sleutel),
    onSuccess: async () => {
      onDismissed(`De suggestie '${suggestion.voorstel.titel}' is afgewezen; zij komt pas terug als haar bewijs groeit.`);
      await queryClient.invalidateQueries({ queryKey: [...signalKeys.all, 'suggesties'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!kind) {
      setProblem('Kies de soort van het signaal.');
      document.getElementById(`${id}-soort`)?.focus();
      return;
    }
    setProblem(null);
    accept.mutate();
  };
  const failure = accept.error ?? dismiss.error;
  return (
    <>
      {failure && <ErrorAlert error={failure} />}
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-label={`Suggestie overnemen: ${suggestion.voorstel.titel}`}>
        {!suggestion.voorstel.soort && (
          <KindChoice
            id={`${id}-soort`}
            description="Het bewijs noemt geen soort: kies die."
            value={kind}
            onChange={(event) => setKind(event.target.value as SignalKind | '')}
            errors={problem ? [problem] : undefined}
          />
        )}
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={accept.isPending} disabled={accept.isPending || dismiss.isPending}>
            Overnemen als signaal
          </PrimaryActionButton>
          <SecondaryActionButton
            type="button"
            busy={dismiss.isPending}
            disabled={accept.isPending || dismiss.isPending}
            onClick={() => dismiss.mutate()}
          >
            Afwijzen
          </SecondaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}

function SuggestionItem({ suggestion, onDismissed }: { suggestion: SuggestionRead; onDismissed: (text: string) => void }) {
  const id = `suggestie-${suggestion.sleutel}`;
  const { voorstel } = suggestion;
  return (
    <li>
      <article aria-labelledby={`${id}-kop`} className="spoorboek-group spoorboek-panel">
        <Heading level={3} id={`${id}-kop`}>
          {voorstel.titel}
        </Heading>
        <FactList
          facts={[
            ['Bron', SOURCE_LABELS[suggestion.bron]],
            ['Waarom', suggestion.redenen.map((reason) => reason.uitleg).join(' ') || '–'],
            ['Gemeenten', String(suggestion.aantalGemeenten)],
            ['Bewijs', `${suggestion.aantalBewijs} (deze maand ${suggestion.nieuwDezeMaand} nieuw, vorige maand ${suggestion.nieuwVorigeMaand})`],
            ['Soort', voorstel.soort ? kindLabel(voorstel.soort) : 'Nog te kiezen'],
            ['Maatregelen', voorstel.maatregelen.length > 0 ? voorstel.maatregelen.join(', ') : 'Geen bepaalde maatregel'],
            ...(suggestion.kernwoorden.length > 0 ? ([['Kernwoorden', suggestion.kernwoorden.join(', ')]] as [string, string][]) : []),
          ]}
        />
        {suggestion.eerderAfgewezen && (
          <Paragraph>
            Eerder afgewezen op <DutchDay value={suggestion.eerderAfgewezen.op} />, met {suggestion.eerderAfgewezen.aantalBewijs} bewijs; het
            bewijs groeide sindsdien.
          </Paragraph>
        )}
        {suggestion.signalen.length > 0 && (
          <Paragraph>
            Al deels in het register:{' '}
            {suggestion.signalen.map((signal, index) => (
              <span key={signal.id}>
                {index > 0 && '; '}
                <AppLink to={signalPath(signal.id)}>
                  signaal {signal.id}: {signal.titel}
                </AppLink>{' '}
                ({signal.aantalBewijs} van {suggestion.aantalBewijs})
              </span>
            ))}
          </Paragraph>
        )}
        <Paragraph className="spoorboek-text">{voorstel.omschrijving}</Paragraph>
        <Evidence suggestion={suggestion} id={id} />
        <Actions suggestion={suggestion} id={id} onDismissed={onDismissed} />
      </article>
    </li>
  );
}

/** /signalen/suggesties: candidate signals from clusters of questions and blockers that cross a threshold. */
export default function SuggestionsPage() {
  const suggestions = useSuggestions();
  const [message, setMessage] = useState('');
  const list = suggestions.data;
  return (
    <>
      <title>Suggesties voor signalen – Spoorboek</title>
      <Paragraph>
        <AppLink to={REGISTER_PATH}>Terug naar het register</AppLink>
      </Paragraph>
      <Heading level={1}>Suggesties voor signalen</Heading>
      <Paragraph appearance="lead">
        Wat vragen en knelpunten van gemeenten samen laten zien, en nog niet in het register staat. Neem een suggestie over:
        dan wordt zij een signaal met al haar bewijs. Of wijs haar af: dan komt zij pas terug als het bewijs groeit.
      </Paragraph>
      {list && (
        <Paragraph>
          {thresholdsText(list.drempels)} Vragen van {formatDutchDate(list.van)} tot en met {formatDutchDate(list.tot)}.
        </Paragraph>
      )}
      <StatusMessage>
        {suggestions.isPending
          ? 'Suggesties laden…'
          : list
            ? list.resultaten.length === 0
              ? 'Er zijn nu geen suggesties: niets passeert de drempel, of het staat al in het register.'
              : `${list.resultaten.length} ${list.resultaten.length === 1 ? 'suggestie' : 'suggesties'}.`
            : ''}
      </StatusMessage>
      <StatusMessage>{message}</StatusMessage>
      {suggestions.isError && <ErrorAlert error={suggestions.error} onRetry={() => void suggestions.refetch()} />}
      {list && list.resultaten.length > 0 && (
        <>
          <Heading level={2}>Suggesties</Heading>
          <ul className="spoorboek-groups">
            {list.resultaten.map((suggestion) => (
              <SuggestionItem key={suggestion.sleutel} suggestion={suggestion} onDismissed={setMessage} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
