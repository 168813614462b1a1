import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { ApiError } from '../api/problem';
import { storeAnswer } from '../app/queryClient';
import { hasRole, useCurrentUser } from '../auth/session';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { TextAreaField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { DutchDay } from '../shared/DutchDay';
import { ErrorAlert } from '../shared/ErrorAlert';
import { MunicipalitySelect } from '../shared/MunicipalitySelect';
import { StatusMessage } from '../shared/StatusMessage';
import { backSignal, signalKeys, useSignal } from './api';
import { supportState } from './evidence';
import type { SignalRead } from './types';
import { refreshAfterChange } from './useSignalChange';

const NOTE_MAX = 2000;

function SupportForm({
  signal,
  open,
  onDone,
}: {
  signal: SignalRead;
  open: { code: string; naam: string }[];
  onDone: (text: string) => void;
}) {
  const queryClient = useQueryClient();
  const [municipality, setMunicipality] = useState(open.length === 1 ? (open[0]?.code ?? '') : '');
  const [note, setNote] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const back = useMutation({
    mutationFn: () => backSignal(signal.id, { gemeente: municipality || null, toelichting: note.trim() || null }),
    onSuccess: async (saved) => {
      clear();
      const named = open.find((place) => place.code === municipality) ?? (open.length === 1 ? open[0] : undefined);
      onDone(named ? `Vastgelegd: dit speelt ook bij ${named.naam}.` : 'Vastgelegd: dit speelt ook bij uw gemeente.');
      await storeAnswer(queryClient, signalKeys.detail(saved.id), saved);
      await refreshAfterChange(queryClient, saved.id);
    },
    onError: async (error) => {
      // Given already (from another tab or by a colleague): show the signal as it is now.
      if (error instanceof ApiError && error.status === 409) await queryClient.invalidateQueries({ queryKey: signalKeys.detail(signal.id) });
      show(mapErrorToForm(error, ['gemeente', 'toelichting']));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors({
      gemeente: open.length > 1 && !municipality ? 'Voor welke gemeente geldt het ook?' : null,
      toelichting: note.length > NOTE_MAX ? `Gebruik hoogstens ${NOTE_MAX} tekens.` : null,
    });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    back.mutate();
  };
  return (
    <>
      <ErrorSummary
        ref={summaryRef}
        errors={errors}
        fields={{
          gemeente: { label: 'Gemeente', id: 'ook-bij-gemeente' },
          toelichting: { label: 'Toelichting', id: 'ook-bij-toelichting' },
        }}
      />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="ook-bij-ons-kop">
        {open.length > 1 && (
          <MunicipalitySelect
            id="ook-bij-gemeente"
            label="Gemeente"
            value={municipality}
            onChange={(event) => setMunicipality(event.target.value)}
            errors={errors.fields.gemeente}
            municipalities={open}
          />
        )}
        <TextAreaField
          id="ook-bij-toelichting"
          label="Toelichting (niet verplicht)"
          description="Hoe speelt het bij u? Alleen het programmateam leest dit. Noem geen namen of gegevens van inwoners."
          rows={3}
          maxLength={NOTE_MAX}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          errors={errors.fields.toelichting}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={back.isPending} disabled={back.isPending}>
            {open.length === 1 ? `Ook bij ons (${open[0]?.naam ?? ''})` : 'Ook bij ons'}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}

/** "Dit geldt ook bij ons": a contact adds her municipality to the evidence, once. */
export function SupportView({ signal }: { signal: SignalRead }) {
  const user = useCurrentUser();
  const mine = user?.gemeenten ?? [];
  const { reported, given, open } = supportState(signal, mine);
  const [message, setMessage] = useState('');
  return (
    <section aria-labelledby="ook-bij-ons-kop" className="spoorboek-section spoorboek-panel">
      <Heading level={2} id="ook-bij-ons-kop">
        Speelt dit ook bij u?
      </Heading>
      {reported && <Paragraph>{reported.naam} meldde dit signaal zelf.</Paragraph>}
      {given.map((support) => (
        <Paragraph key={support.gemeente.code} className="spoorboek-given">
          <span aria-hidden="true">✓ </span>
          {support.gemeente.naam} gaf op <DutchDay value={support.op} /> aan dat dit ook bij haar speelt.
        </Paragraph>
      ))}
      {open.length > 0 && (
        <>
          <Paragraph>
            Zeg het als dit knelpunt ook in uw gemeente speelt. Uw gemeente telt dan mee als bewijs, en u hoort het als er
            een reactie komt.
          </Paragraph>
          <SupportForm signal={signal} open={open} onDone={setMessage} />
        </>
      )}
      <StatusMessage>{message}</StatusMessage>
    </section>
  );
}

/**
 * The "ook bij ons" part of a public signal's page, for a signed-in municipal contact: her own
 * view of the signal tells whether her municipality reported it or said so already.
 */
export function SupportForContact({ signalId }: { signalId: number }) {
  const user = useCurrentUser();
  const contact = hasRole(user, 'gemeente');
  const signal = useSignal(signalId, contact);
  if (!contact) return null;
  if (signal.isError) return <ErrorAlert error={signal.error} onRetry={() => void signal.refetch()} />;
  if (!signal.data) return <StatusMessage>Uw gegevens bij dit signaal laden…</StatusMessage>;
  return <SupportView signal={signal.data} />;
}
