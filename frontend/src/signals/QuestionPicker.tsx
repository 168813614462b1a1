import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, PrimaryActionButton, SecondaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { clientErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { CheckboxGroup, choiceId, TextField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { MeasureSelect } from '../measures/MeasureSelect';
import { fetchQuestions, fetchSuggestions } from '../questions/api';
import { statusLabel as questionStatusLabel } from '../questions/labels';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { addEvidence, signalKeys } from './api';
import { addedText, mergeCandidates, parseQuestionNumbers, type Candidate } from './evidence';
import type { SignalRead } from './types';
import { refreshAfterChange } from './useSignalChange';

interface Search {
  tekst: string;
  maatregel: string;
}

/** Open questions like the text, and the newest questions of a measure (team only: the API decides). */
async function findCandidates({ tekst, maatregel }: Search, signal?: AbortSignal): Promise<{ similar: Candidate[]; measure: Candidate[] }> {
  const [similar, measure] = await Promise.all([
    tekst.trim().length >= 3 ? fetchSuggestions(tekst.trim(), signal).then((found) => found.vragen) : Promise.resolve([]),
    maatregel
      ? fetchQuestions({ maatregel, sorteer: '-ontvangenOp', pagina: 1, paginaGrootte: 25 }, signal).then((page) => page.resultaten)
      : Promise.resolve([]),
  ]);
  return { similar, measure };
}

/**
 * Links questions to a signal in one go: the open questions that read like it and the newest
 * questions of one of its measures are offered to tick, and any question by its number.
 */
export function QuestionPicker({ signal }: { signal: SignalRead }) {
  const queryClient = useQueryClient();
  const initial: Search = { tekst: signal.titel, maatregel: signal.maatregelen[0]?.code ?? '' };
  const [draft, setDraft] = useState<Search>(initial);
  const [search, setSearch] = useState<Search>(initial);
  const [chosen, setChosen] = useState<string[]>([]);
  const [numbers, setNumbers] = useState('');
  const [message, setMessage] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();

  const found = useQuery({
    queryKey: [...signalKeys.all, 'vraagkandidaten', search],
    queryFn: ({ signal: abort }) => findCandidates(search, abort),
    staleTime: 30 * 1000,
  });
  const linked = signal.vragen.map((question) => question.id);
  const candidates = found.data ? mergeCandidates(linked, found.data.similar, found.data.measure) : [];

  const link = useMutation({
    mutationFn: (vragen: number[]) => addEvidence(signal.id, { vragen }),
    onSuccess: async (added) => {
      clear();
      setChosen([]);
      setNumbers('');
      setMessage(addedText(added));
      await queryClient.invalidateQueries({ queryKey: signalKeys.detail(signal.id) });
      await refreshAfterChange(queryClient, signal.id);
    },
    onError: (error) => show(mapErrorToForm(error, ['vragen'])),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    const typed = parseQuestionNumbers(numbers);
    if (typed.problem) {
      show(clientErrors({ nummers: typed.problem }));
      return;
    }
    const ids = [...new Set([...chosen.map(Number), ...typed.numbers])];
    if (ids.length === 0) {
      show(clientErrors({ vragen: 'Vink een vraag aan of vul een vraagnummer in.' }));
      return;
    }
    link.mutate(ids);
  };

  const find = (event: FormEvent) => {
    event.preventDefault();
    setSearch({ tekst: draft.tekst, maatregel: draft.maatregel });
  };

  return (
    <section aria-labelledby="vragen-koppelen-kop" className="spoorboek-section spoorboek-panel">
      <Heading level={3} id="vragen-koppelen-kop">
        Vragen koppelen
      </Heading>
      <form noValidate onSubmit={find} className="spoorboek-filters spoorboek-filters--grid" aria-label="Vragen zoeken">
        <TextField
          id="vragen-zoektekst"
          label="Lijkt op"
          description="Open vragen waarvan onderwerp of tekst hierop lijkt."
          maxLength={2000}
          value={draft.tekst}
          onChange={(event) => setDraft((current) => ({ ...current, tekst: event.target.value }))}
        />
        <MeasureSelect
          id="vragen-maatregel"
          value={draft.maatregel}
          onChange={(event) => setDraft((current) => ({ ...current, maatregel: event.target.value }))}
        />
        <ButtonGroup className="spoorboek-filters__wide">
          <SecondaryActionButton type="submit">Vragen zoeken</SecondaryActionButton>
        </ButtonGroup>
      </form>
      <StatusMessage>
        {found.isFetching
          ? 'Vragen zoeken…'
          : found.data
            ? candidates.length === 0
              ? 'Geen nieuwe vragen gevonden.'
              : `${candidates.length} ${candidates.length === 1 ? 'vraag' : 'vragen'} gevonden om te koppelen.`
            : ''}
      </StatusMessage>
      {found.isError && <ErrorAlert error={found.error} onRetry={() => void found.refetch()} />}
      <ErrorSummary
        ref={summaryRef}
        errors={errors}
        fields={{
          vragen: { label: 'Vragen', id: candidates[0] ? choiceId('vragen-kandidaten', String(candidates[0].id)) : 'vraagnummers' },
          nummers: { label: 'Vraagnummers', id: 'vraagnummers' },
        }}
      />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="vragen-koppelen-kop">
        {candidates.length > 0 && (
          <CheckboxGroup
            id="vragen-kandidaten"
            legend="Gevonden vragen"
            description="Vink de vragen aan die hetzelfde probleem laten zien."
            choices={candidates.map((candidate) => ({
              value: String(candidate.id),
              label: `Vraag ${candidate.id}: ${candidate.onderwerp}`,
              description: questionStatusLabel(candidate.status),
            }))}
            value={chosen}
            onChange={setChosen}
            errors={errors.fields.vragen}
          />
        )}
        <TextField
          id="vraagnummers"
          label="Vraagnummers (niet verplicht)"
          description="Vragen die u al kent, gescheiden door komma's, zoals 12, 15."
          inputMode="numeric"
          autoComplete="off"
          value={numbers}
          onChange={(event) => setNumbers(event.target.value)}
          errors={errors.fields.nummers ?? (candidates.length === 0 ? errors.fields.vragen : undefined)}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={link.isPending} disabled={link.isPending}>
            Vragen koppelen
          </PrimaryActionButton>
        </ButtonGroup>
        <StatusMessage>{message}</StatusMessage>
      </form>
      {linked.length > 0 && (
        <Paragraph className="spoorboek-muted">Vragen die al gekoppeld zijn, staan hier niet tussen.</Paragraph>
      )}
    </section>
  );
}
