import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, PrimaryActionButton, SecondaryActionButton } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';

import { unwrap } from '../api/call';
import { isConflict } from '../api/problem';
import { apiClient } from '../api/client';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { RadioGroup, TextField } from '../forms/fields';
import { StaleNotice } from '../forms/StaleNotice';
import { useFormErrors } from '../forms/useFormErrors';
import { previewMeasure, previewWave, saveMeasureDate, saveWaveDate } from '../roadmaps/api';
import type { WhatIf } from '../roadmaps/types';
import { WhatIfPreview } from '../roadmaps/WhatIfPreview';
import { formatDutchDate } from '../shared/dates';
import { StatusMessage } from '../shared/StatusMessage';
import { dateProblem, movedDate, type DateScope } from './dateForm';
import { useWaves } from './queries';
import type { Measure } from './types';

const FIELDS = { ingangsdatum: { label: 'Nieuwe ingangsdatum', id: 'nieuwe-ingangsdatum' } };

/**
 * For editors, on a measure's page: move its effective date, or its wave's. "Bekijk gevolgen"
 * first shows what saving would do (nothing is saved then); "Opslaan" saves exactly that.
 */
export default function MeasureDateForm({ measure }: { measure: Measure }) {
  const queryClient = useQueryClient();
  const waves = useWaves();
  const wave = waves.data?.find((w) => w.nummer === measure.fase.nummer);
  const [scope, setScope] = useState<DateScope>('maatregel');
  const [day, setDay] = useState(measure.ingangsdatum);
  const [whatIf, setWhatIf] = useState<WhatIf | null>(null);
  const [stale, setStale] = useState(false);
  const [message, setMessage] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const previewRef = useRef<HTMLElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const staleRef = useRef<HTMLDivElement>(null);
  // The measure as the form started from it: a save after someone else moved the date would
  // overwrite theirs, and its version goes along as If-Match, so any change of the measure or its
  // roadmap by someone else since is refused (412), not overwritten.
  const [base, setBase] = useState(measure);
  const current = scope === 'fase' ? (wave?.ingangsdatum ?? measure.ingangsdatum) : measure.ingangsdatum;

  useEffect(() => {
    if (whatIf) previewRef.current?.focus();
  }, [whatIf]);
  useEffect(() => {
    if (stale) staleRef.current?.focus();
  }, [stale]);

  // After a 412: the next preview and save start from the measure as it now stands.
  const takeCurrent = async () => {
    const now = await readMeasure(measure.code).catch(() => null);
    if (now) setBase(now);
  };

  const preview = useMutation({
    mutationFn: () =>
      scope === 'fase'
        ? previewWave(measure.fase.nummer, { ingangsdatum: day }, wave?.versie)
        : previewMeasure(measure.code, { ingangsdatum: day }, base.versie),
    onMutate: () => setMessage(''),
    onSuccess: (found) => {
      clear();
      setWhatIf(found);
    },
    onError: async (error) => {
      if (isConflict(error)) {
        await queryClient.invalidateQueries({ queryKey: ['fasen'] });
        await takeCurrent();
        setStale(true);
        return;
      }
      show(mapErrorToForm(error, ['ingangsdatum']));
    },
  });

  const save = useMutation({
    mutationFn: async () => {
      if (movedDate(base.ingangsdatum, (await readMeasure(measure.code)).ingangsdatum)) throw new StaleError();
      if (scope === 'fase') await saveWaveDate(measure.fase.nummer, { ingangsdatum: day }, wave?.versie);
      else await saveMeasureDate(measure.code, { ingangsdatum: day }, base.versie);
      return readMeasure(measure.code);
    },
    onSuccess: async (saved) => {
      setWhatIf(null);
      setBase(saved);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['maatregelen'] }),
        queryClient.invalidateQueries({ queryKey: ['fasen'] }),
        queryClient.invalidateQueries({ queryKey: ['routekaart'] }),
      ]);
      setMessage(scope === 'fase' ? `De ingangsdatum van ${measure.fase.naam} is opgeslagen.` : 'De nieuwe ingangsdatum is opgeslagen.');
      messageRef.current?.focus();
    },
    onError: async (error) => {
      setWhatIf(null);
      if (error instanceof StaleError || isConflict(error)) {
        await queryClient.invalidateQueries({ queryKey: ['fasen'] });
        await queryClient.invalidateQueries({ queryKey: ['maatregelen', measure.code] });
        await takeCurrent();
        setStale(true);
        return;
      }
      show(mapErrorToForm(error, ['ingangsdatum']));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStale(false);
    const problems = clientErrors({ ingangsdatum: dateProblem(day, current) });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    preview.mutate();
  };

  const cancel = () => {
    setWhatIf(null);
    setMessage('Niets opgeslagen: de ingangsdatum is niet gewijzigd.');
    messageRef.current?.focus();
  };

  return (
    <section aria-labelledby="datum-wijzigen-kop" className="spoorboek-section">
      <Heading level={2} id="datum-wijzigen-kop">
        Ingangsdatum wijzigen
      </Heading>
      <Paragraph>
        Verschuift de datum? Bekijk eerst de gevolgen voor de verkeerslichten van de gemeenten, de lijst Hulp nodig, de
        producten en de meldingen. Er wordt pas iets opgeslagen als u daarna op Opslaan klikt.
      </Paragraph>
      {stale && <StaleNotice ref={staleRef} thing="deze ingangsdatum" changed="de ingangsdatum van de maatregel" />}
      <ErrorSummary ref={summaryRef} errors={errors} fields={FIELDS} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="datum-wijzigen-kop">
        <RadioGroup
          id="verschuiven"
          name="verschuiven"
          legend="Wat verschuift?"
          choices={[
            { value: 'maatregel', label: `Alleen ${measure.code}` },
            { value: 'fase', label: `${measure.fase.naam}: alle maatregelen van deze fase` },
          ]}
          value={scope}
          onChange={(value) => {
            const next = value === 'fase' ? 'fase' : 'maatregel';
            setScope(next);
            setDay(next === 'fase' ? (wave?.ingangsdatum ?? measure.ingangsdatum) : measure.ingangsdatum);
            setWhatIf(null);
          }}
        />
        <TextField
          id={FIELDS.ingangsdatum.id}
          label={FIELDS.ingangsdatum.label}
          description={`Nu: ${formatDutchDate(current)}.`}
          type="date"
          value={day}
          onChange={(event) => {
            setDay(event.target.value);
            setWhatIf(null);
          }}
          errors={errors.fields.ingangsdatum}
        />
        <ButtonGroup>
          <SecondaryActionButton type="submit" busy={preview.isPending} disabled={preview.isPending || save.isPending}>
            Bekijk gevolgen
          </SecondaryActionButton>
        </ButtonGroup>
      </form>
      {whatIf && (
        <WhatIfPreview ref={previewRef} whatIf={whatIf} id="gevolgen-datum">
          <ButtonGroup>
            <PrimaryActionButton type="button" busy={save.isPending} disabled={save.isPending} onClick={() => save.mutate()}>
              Opslaan
            </PrimaryActionButton>
            <SecondaryActionButton type="button" disabled={save.isPending} onClick={cancel}>
              Annuleren
            </SecondaryActionButton>
          </ButtonGroup>
        </WhatIfPreview>
      )}
      <StatusMessage ref={messageRef}>{message}</StatusMessage>
    </section>
  );
}

class StaleError extends Error {}

function readMeasure(code: string): Promise<Measure> {
  return unwrap(apiClient.GET('/maatregelen/{code}', { params: { path: { code } } }));
}
