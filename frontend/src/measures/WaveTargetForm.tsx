import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import { isConflict } from '../api/problem';
import { storeAnswer } from '../app/queryClient';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { TextField } from '../forms/fields';
import { StaleNotice } from '../forms/StaleNotice';
import { useFormErrors } from '../forms/useFormErrors';
import { StatusMessage } from '../shared/StatusMessage';
import { useWaves } from './queries';
import type { Wave } from './types';
import { parseTarget, targetLabel, targetProblem } from './waveTarget';

interface WaveRef {
  nummer: number;
  naam: string;
}

/**
 * For editors, on a measure's page: the programme's target for its wave, the share of the wave's
 * municipality × measure cells implemented by its legal date (the dashboard draws it as a line).
 * Sent with the wave's version in If-Match, so a target someone else set since is not overwritten.
 */
export default function WaveTargetForm({ wave: ref }: { wave: WaveRef }) {
  const queryClient = useQueryClient();
  const waves = useWaves();
  const wave = waves.data?.find((w) => w.nummer === ref.nummer);
  const current = wave?.doel ?? null;
  // What the editor typed; until then the field shows the wave's target as last read.
  const [typed, setTyped] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [message, setMessage] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const messageRef = useRef<HTMLParagraphElement>(null);
  const staleRef = useRef<HTMLDivElement>(null);
  const id = `doel-fase-${ref.nummer}`;
  const fields = { doel: { label: 'Percentage geïmplementeerd op de ingangsdatum', id } };
  const text = typed ?? (current === null ? '' : String(current));

  useEffect(() => {
    if (stale) staleRef.current?.focus();
  }, [stale]);

  const save = useMutation({
    mutationFn: (doel: number | null): Promise<Wave> =>
      unwrap(
        apiClient.PATCH('/fasen/{nummer}', {
          params: {
            path: { nummer: ref.nummer },
            header: wave === undefined ? {} : { 'If-Match': `"v${wave.versie}"` },
          },
          body: { doel },
        }),
      ),
    onMutate: () => {
      setMessage('');
      setStale(false);
    },
    onSuccess: async (saved) => {
      clear();
      setTyped(null);
      await storeAnswer<Wave[]>(queryClient, ['fasen'], (old) => old?.map((w) => (w.nummer === saved.nummer ? saved : w)));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['fasen'] }),
        queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
      ]);
      setMessage(
        saved.doel === null
          ? `Fase ${ref.nummer} heeft nu geen doel.`
          : `Het doel voor fase ${ref.nummer} is opgeslagen: ${targetLabel(saved.doel)} geïmplementeerd op de ingangsdatum.`,
      );
      messageRef.current?.focus();
    },
    onError: async (error) => {
      if (isConflict(error)) {
        clear();
        await queryClient.invalidateQueries({ queryKey: ['fasen'] });
        setStale(true);
        return;
      }
      show(mapErrorToForm(error, ['doel']));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors({ doel: targetProblem(text, current) });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    save.mutate(parseTarget(text) ?? null);
  };

  const heading = `doel-fase-${ref.nummer}-kop`;
  return (
    <section aria-labelledby={heading} className="spoorboek-section">
      <Heading level={2} id={heading}>
        Doel voor fase {ref.nummer}
      </Heading>
      <Paragraph>
        Welk deel van de combinaties van gemeente en maatregel in {ref.naam} op de ingangsdatum geïmplementeerd moet
        zijn. Het dashboard zet elke fase af tegen haar doel. Laat het veld leeg als de fase geen doel heeft.
      </Paragraph>
      {stale && (
        <StaleNotice ref={staleRef} thing="deze fase" changed="de fase (bijvoorbeeld haar doel of ingangsdatum)" />
      )}
      <ErrorSummary ref={summaryRef} errors={errors} fields={fields} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby={heading}>
        <TextField
          id={id}
          label={fields.doel.label}
          description={`In hele procenten, van 0 tot en met 100. Nu: ${wave === undefined ? 'wordt geladen' : targetLabel(current)}.`}
          inputMode="numeric"
          autoComplete="off"
          size={4}
          value={text}
          onChange={(event) => setTyped(event.target.value)}
          errors={errors.fields.doel}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={save.isPending} disabled={save.isPending || wave === undefined}>
            Doel opslaan
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
      <StatusMessage ref={messageRef}>{message}</StatusMessage>
    </section>
  );
}
