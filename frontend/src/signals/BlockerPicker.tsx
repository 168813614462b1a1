import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, PrimaryActionButton, SecondaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { AppLink } from '../app/AppLink';
import { clientErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { CheckboxGroup, choiceId } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { MeasureSelect } from '../measures/MeasureSelect';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { addEvidence, signalKeys, useBlockers } from './api';
import { addedText, linkedCells, namesText, newCells } from './evidence';
import { blockersLink } from './paths';
import { KindSelect } from './SignalSelects';
import type { BlockerGroup, BlockerQuery, KindFilter, SignalRead } from './types';
import { refreshAfterChange } from './useSignalChange';

/** How many groups the picker offers; the blockers view has them all. */
const SHOWN = 12;

export function groupLabel(group: BlockerGroup): string {
  const leader = group.knelpunten[0]?.tekst ?? group.voorstel.titel;
  const blockers = `${group.aantalKnelpunten} ${group.aantalKnelpunten === 1 ? 'knelpunt' : 'knelpunten'}`;
  const places = `${group.aantalGemeenten} ${group.aantalGemeenten === 1 ? 'gemeente' : 'gemeenten'}`;
  return `${blockers} van ${places}: “${leader}”`;
}

export function groupDescription(group: BlockerGroup): string {
  const measures = group.maatregelen.map((measure) => measure.code).join(', ');
  return `Bij ${measures}; ${namesText(group.knelpunten.map((blocker) => blocker.gemeente.naam))}.`;
}

/** The query the picker starts with: the signal's first measure, else its kind. */
export function initialBlockerQuery(signal: Pick<SignalRead, 'maatregelen' | 'soort'>): BlockerQuery {
  const measure = signal.maatregelen[0]?.code;
  return measure ? { maatregel: measure } : { soort: signal.soort };
}

/**
 * Links blockers of progress cells to a signal in one go: the groups of similar blockers of a
 * measure or kind are offered to tick; every blocker of a ticked group becomes evidence.
 */
export function BlockerPicker({ signal }: { signal: SignalRead }) {
  const queryClient = useQueryClient();
  const [query, setQuery] = useState<BlockerQuery>(() => initialBlockerQuery(signal));
  const [draft, setDraft] = useState({ maatregel: query.maatregel ?? '', soort: query.soort ?? '' });
  const [chosen, setChosen] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const view = useBlockers(query);
  const linked = linkedCells(signal);
  const open = (view.data?.groepen ?? []).filter((group) => newCells(group.knelpunten, linked).length > 0);
  const shown = open.slice(0, SHOWN);

  const link = useMutation({
    mutationFn: (keys: string[]) => {
      const groups = open.filter((group) => keys.includes(group.sleutel));
      return addEvidence(signal.id, { knelpunten: newCells(groups.flatMap((group) => group.knelpunten), linked) });
    },
    onSuccess: async (added) => {
      clear();
      setChosen([]);
      setMessage(addedText(added));
      await queryClient.invalidateQueries({ queryKey: signalKeys.detail(signal.id) });
      await refreshAfterChange(queryClient, signal.id);
      await queryClient.invalidateQueries({ queryKey: [...signalKeys.all, 'knelpunten'] });
    },
    onError: (error) => show(mapErrorToForm(error, ['knelpunten'])),
  });

  const find = (event: FormEvent) => {
    event.preventDefault();
    setChosen([]);
    const next: BlockerQuery = {};
    if (draft.maatregel) next.maatregel = draft.maatregel;
    if (draft.soort) next.soort = draft.soort as KindFilter;
    setQuery(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    if (chosen.length === 0) {
      show(clientErrors({ knelpunten: 'Vink een groep knelpunten aan.' }));
      return;
    }
    link.mutate(chosen);
  };

  return (
    <section aria-labelledby="knelpunten-koppelen-kop" className="spoorboek-section spoorboek-panel">
      <Heading level={3} id="knelpunten-koppelen-kop">
        Knelpunten koppelen
      </Heading>
      <form noValidate onSubmit={find} className="spoorboek-filters spoorboek-filters--grid" aria-label="Knelpunten zoeken">
        <MeasureSelect
          id="knelpunten-maatregel"
          value={draft.maatregel}
          onChange={(event) => setDraft((current) => ({ ...current, maatregel: event.target.value }))}
        />
        <KindSelect
          id="knelpunten-soort"
          value={draft.soort}
          onChange={(event) => setDraft((current) => ({ ...current, soort: event.target.value }))}
          withNone
        />
        <ButtonGroup className="spoorboek-filters__wide">
          <SecondaryActionButton type="submit">Knelpunten zoeken</SecondaryActionButton>
        </ButtonGroup>
      </form>
      <StatusMessage>
        {view.isFetching
          ? 'Knelpunten zoeken…'
          : view.data
            ? open.length === 0
              ? 'Geen knelpunten gevonden die nog niet gekoppeld zijn.'
              : `${open.length} ${open.length === 1 ? 'groep' : 'groepen'} knelpunten gevonden${open.length > SHOWN ? `; de ${SHOWN} met de meeste gemeenten staan hieronder` : ''}.`
            : ''}
      </StatusMessage>
      {view.isError && <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />}
      <ErrorSummary
        ref={summaryRef}
        errors={errors}
        fields={{ knelpunten: { label: 'Knelpunten', id: shown[0] ? choiceId('knelpunten-groepen', shown[0].sleutel) : 'knelpunten-maatregel' } }}
      />
      {shown.length > 0 && (
        <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="knelpunten-koppelen-kop">
          <CheckboxGroup
            id="knelpunten-groepen"
            legend="Groepen gelijkende knelpunten"
            description="Elk knelpunt van een aangevinkte groep telt als bewijs, met zijn tekst van nu."
            choices={shown.map((group) => ({ value: group.sleutel, label: groupLabel(group), description: groupDescription(group) }))}
            value={chosen}
            onChange={setChosen}
            errors={errors.fields.knelpunten}
          />
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={link.isPending} disabled={link.isPending}>
              Knelpunten koppelen
            </PrimaryActionButton>
          </ButtonGroup>
        </form>
      )}
      <StatusMessage>{message}</StatusMessage>
      {open.length > SHOWN && (
        <Paragraph>
          Alle groepen, met elk knelpunt apart, staan in het <AppLink to={blockersLink(signal)}>knelpuntenoverzicht</AppLink>.
        </Paragraph>
      )}
    </section>
  );
}
