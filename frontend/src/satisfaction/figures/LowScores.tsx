import { ButtonGroup, Heading, Paragraph, PrimaryActionButton, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { AppLink } from '../../app/AppLink';
import { questionPath } from '../../questions/paths';
import { DutchDate } from '../../shared/DutchDate';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { KindChoice } from '../../signals/SignalSelects';
import { signalPath } from '../../signals/paths';
import { useLowScores, useMakeSignal } from './api';
import { scoreText } from './labels';
import type { LowScoreSuggestion, SignalKind, SignalMade } from './types';
import { plural } from '../../shared/dutch';

/** One group of low scores, and the one step that makes it a signal with its questions as evidence. */
function Suggestion({ suggestion, onMade }: { suggestion: LowScoreSuggestion; onMade: (signal: SignalMade) => void }) {
  const id = `lage-scores-${suggestion.maatregel.code}`;
  const [kind, setKind] = useState<SignalKind | ''>('');
  const [problem, setProblem] = useState<string | null>(null);
  const make = useMakeSignal();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!kind) {
      setProblem('Kies de soort van het signaal.');
      document.getElementById(`${id}-soort`)?.focus();
      return;
    }
    setProblem(null);
    make.mutate({ key: suggestion.sleutel, kind }, { onSuccess: onMade });
  };
  return (
    <article aria-labelledby={`${id}-kop`} className="spoorboek-score-suggestion">
      <Heading level={3} id={`${id}-kop`}>
        {suggestion.maatregel.code} {suggestion.maatregel.naam}: gemiddeld {scoreText(suggestion.gemiddelde, false)}
      </Heading>
      <Paragraph>
        {suggestion.aantalBeoordeeld} beoordeelde antwoorden tussen <DutchDate value={suggestion.van} /> en{' '}
        <DutchDate value={suggestion.tot} />; {suggestion.vragen.length} vonden het antwoord weinig of niet nuttig:
      </Paragraph>
      <UnorderedList>
        {suggestion.vragen.map((question) => (
          <UnorderedListItem key={question.id}>
            <AppLink to={questionPath(question.id, true)}>
              Vraag {question.id}: {question.onderwerp}
            </AppLink>{' '}
            (score {question.score})
          </UnorderedListItem>
        ))}
      </UnorderedList>
      {make.error && <ErrorAlert error={make.error} />}
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-label={`Signaal maken van: ${suggestion.voorstel.titel}`}>
        <Paragraph>
          Het signaal krijgt de titel ‘{suggestion.voorstel.titel}’ en deze vragen als bewijs. U past het daarna zo nodig
          aan.
        </Paragraph>
        <KindChoice id={`${id}-soort`} value={kind} onChange={(event) => setKind(event.target.value as SignalKind | '')} errors={problem ? [problem] : undefined} />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={make.isPending} disabled={make.isPending}>
            Maak signaal
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </article>
  );
}

/** Measures whose answers were rated low lately: each can become a signal in the knelpuntenregister. */
export function LowScores() {
  const lowScores = useLowScores();
  const [made, setMade] = useState<SignalMade | null>(null);
  const thresholds = lowScores.data?.drempels;
  return (
    <section aria-labelledby="lage-scores-kop" className="spoorboek-section">
      <Heading level={2} id="lage-scores-kop">
        Lage scores: voorstellen voor een signaal
      </Heading>
      {thresholds && (
        <Paragraph>
          Maatregelen waarvan de antwoorden de laatste {thresholds.dagen} dagen gemiddeld{' '}
          {scoreText(thresholds.gemiddeldeHoogstens, false)} of lager kregen, over ten minste {thresholds.minimaalBeoordeeld}{' '}
          beoordeelde antwoorden.
        </Paragraph>
      )}
      <StatusMessage>{lowScores.isPending ? 'Voorstellen laden…' : made ? `Signaal ${made.id} gemaakt met ${plural(made.aantalVragen, 'vraag', 'vragen')} als bewijs.` : ''}</StatusMessage>
      {made && (
        <Paragraph>
          <AppLink to={signalPath(made.id)}>Naar signaal {made.id}: {made.titel}</AppLink>
        </Paragraph>
      )}
      {lowScores.isError && <ErrorAlert error={lowScores.error} onRetry={() => void lowScores.refetch()} />}
      {lowScores.data?.resultaten.length === 0 && <Paragraph>Er zijn nu geen maatregelen met lage scores.</Paragraph>}
      {lowScores.data?.resultaten.map((suggestion) => (
        <Suggestion key={suggestion.sleutel} suggestion={suggestion} onMade={setMade} />
      ))}
    </section>
  );
}
