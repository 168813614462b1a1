import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, PrimaryActionButton } from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';

import { isConflict } from '../api/problem';
import { storeAnswer } from '../app/queryClient';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary, type SummaryField } from '../forms/ErrorSummary';
import { choiceId, RadioGroup, TextAreaField } from '../forms/fields';
import { StaleNotice } from '../forms/StaleNotice';
import { useFormErrors } from '../forms/useFormErrors';
import { StatusMessage } from '../shared/StatusMessage';
import { proposalKeys, takeStep, type ProposalRead } from './api';
import { STATUS_LABELS } from './labels';

type Target = 'overgenomen' | 'afgewezen';
const FIELDS: Record<string, SummaryField> = {
  naar: { label: 'Wat doet u met het voorstel', id: choiceId('naar', 'overgenomen') },
  reden: { label: 'Reden', id: 'reden' },
  toelichting: { label: 'Toelichting', id: 'toelichting' },
};

/** The owner's decision on a new proposal: adopt it into the next version, or reject it with a reason. */
export function ProposalSteps({ proposal, version }: { proposal: ProposalRead; version: string }) {
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<Target | ''>('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState('');
  const [stale, setStale] = useState(false);
  const staleRef = useRef<HTMLDivElement>(null);
  const { errors, show, clear, summaryRef } = useFormErrors();
  const step = useMutation({
    mutationFn: (to: Target) =>
      takeStep(proposal.id, version, to === 'afgewezen' ? { naar: to, reden: reason.trim() } : { naar: to, toelichting: note.trim() }),
    onSuccess: async (saved) => {
      clear();
      setStale(false);
      await storeAnswer(queryClient, proposalKeys.detail(proposal.id), saved);
      setMessage(`Het voorstel is nu: ${STATUS_LABELS[saved.proposal.status].toLowerCase()}. De indiener krijgt bericht.`);
      await queryClient.invalidateQueries({ queryKey: [...proposalKeys.all, 'inbox'] });
    },
    onError: (error) => {
      if (isConflict(error)) {
        setStale(true);
        requestAnimationFrame(() => staleRef.current?.focus());
        void queryClient.invalidateQueries({ queryKey: proposalKeys.detail(proposal.id) });
        return;
      }
      show(mapErrorToForm(error, Object.keys(FIELDS), { statusFields: { 409: 'naar' } }));
    },
  });

  if (proposal.status !== 'nieuw') return <StatusMessage>{message}</StatusMessage>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    const problems = clientErrors({
      naar: !target && 'Kies of u het voorstel overneemt of afwijst.',
      reden: target === 'afgewezen' && reason.trim().length < 3 && 'Geef de reden waarom u het voorstel niet overneemt.',
    });
    if (hasErrors(problems) || !target) {
      show(problems);
      return;
    }
    step.mutate(target);
  };

  return (
    <section aria-labelledby="besluiten-kop" className="spoorboek-section">
      <Heading level={2} id="besluiten-kop">
        Besluiten
      </Heading>
      {stale && <StaleNotice ref={staleRef} thing="dit voorstel" changed="het voorstel" />}
      <ErrorSummary ref={summaryRef} errors={errors} fields={FIELDS} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="besluiten-kop">
        <RadioGroup
          id="naar"
          name="naar"
          legend="Wat doet u met het voorstel"
          choices={[
            {
              value: 'overgenomen',
              label: 'Overnemen',
              description: 'Het komt in de volgende versie: de conceptversie, of een nieuwe als die er nog niet is.',
            },
            { value: 'afgewezen', label: 'Afwijzen', description: 'De indiener krijgt de reden te lezen.' },
          ]}
          value={target}
          onChange={(value) => {
            clear();
            setTarget(value as Target);
          }}
          errors={errors.fields.naar}
        />
        {target === 'afgewezen' && (
          <TextAreaField
            id="reden"
            label="Reden"
            description="De indiener leest dit in de melding of de e-mail."
            rows={3}
            maxLength={5000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            errors={errors.fields.reden}
          />
        )}
        {target === 'overgenomen' && (
          <TextAreaField
            id="toelichting"
            label="Toelichting (niet verplicht)"
            description="Komt in de geschiedenis van het voorstel."
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            errors={errors.fields.toelichting}
          />
        )}
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={step.isPending} disabled={step.isPending}>
            {target === 'afgewezen' ? 'Afwijzen' : target === 'overgenomen' ? 'Overnemen' : 'Besluiten'}
          </PrimaryActionButton>
        </ButtonGroup>
        <StatusMessage>{message}</StatusMessage>
      </form>
    </section>
  );
}
