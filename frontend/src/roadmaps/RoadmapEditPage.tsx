import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  Heading,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  SubtleButton,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { NotFoundPage } from '../app/NotFoundPage';
import { isConflict } from '../api/problem';
import { storeAnswer } from '../app/queryClient';
import { clientErrors, hasErrors } from '../forms/errors';
import { ErrorSummary, type SummaryField } from '../forms/ErrorSummary';
import { CheckboxField, TextAreaField, TextField } from '../forms/fields';
import { StaleNotice } from '../forms/StaleNotice';
import { useFormErrors } from '../forms/useFormErrors';
import { fetchRoadmap, progressKeys, useRoadmap } from '../progress/api';
import type { Roadmap } from '../progress/types';
import { formatDutchDate } from '../shared/dates';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { previewRoadmap, saveRoadmap } from './api';
import {
  emptyStep,
  errorsFromApi,
  fieldId,
  formFromRoadmap,
  formProblems,
  MAX_STEPS,
  moveStep,
  offsetDate,
  removeStep,
  writeFromForm,
  type StepForm,
} from './roadmapForm';
import type { WhatIf } from './types';
import { WhatIfPreview } from './WhatIfPreview';

const MEASURE_CODE = /^M\d{2}$/;

function summaryFields(steps: StepForm[]): Record<string, SummaryField> {
  const fields: Record<string, SummaryField> = {};
  steps.forEach((_, index) => {
    const name = `Stap ${index + 1}`;
    fields[fieldId(index, 'code')] = { label: `${name}, code`, id: fieldId(index, 'code') };
    fields[fieldId(index, 'titel')] = { label: `${name}, titel`, id: fieldId(index, 'titel') };
    fields[fieldId(index, 'omschrijving')] = { label: `${name}, omschrijving`, id: fieldId(index, 'omschrijving') };
    fields[fieldId(index, 'startDagen')] = { label: `${name}, uiterste start`, id: fieldId(index, 'startDagen') };
    fields[fieldId(index, 'eindeDagen')] = { label: `${name}, uiterste einde`, id: fieldId(index, 'eindeDagen') };
    fields[fieldId(index, 'afhankelijkVan')] = { label: `${name}, na stappen`, id: fieldId(index, 'afhankelijkVan') };
  });
  return fields;
}

function dayHint(effective: string, days: string, what: string): string {
  const day = offsetDate(effective, days);
  return day
    ? `Dagen ten opzichte van de ingangsdatum (negatief: ervoor). Nu: ${what} ${formatDutchDate(day)}.`
    : 'Dagen ten opzichte van de ingangsdatum (negatief: ervoor).';
}

function RoadmapForm({ code, roadmap }: { code: string; roadmap: Roadmap }) {
  const queryClient = useQueryClient();
  const [base, setBase] = useState(roadmap);
  const [steps, setSteps] = useState(() => formFromRoadmap(roadmap));
  const [whatIf, setWhatIf] = useState<WhatIf | null>(null);
  const [stale, setStale] = useState(false);
  const [message, setMessage] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const previewRef = useRef<HTMLElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const staleRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (whatIf) previewRef.current?.focus();
  }, [whatIf]);
  useEffect(() => {
    if (stale) staleRef.current?.focus();
  }, [stale]);

  const edit = (next: StepForm[], announcement = '') => {
    setSteps(next);
    setWhatIf(null);
    setMessage(announcement);
  };
  const set = (index: number, changes: Partial<StepForm>) =>
    edit(steps.map((step, i) => (i === index ? { ...step, ...changes } : step)));

  // Someone else changed the roadmap or its measure since this page read it (412): show theirs
  // beside this form's steps, which are kept; the next save names the version now read.
  const showStale = async () => {
    const current = await fetchRoadmap(code);
    setBase(current);
    await storeAnswer(queryClient, ['routekaart', code], current);
    setStale(true);
  };

  const preview = useMutation({
    mutationFn: () => previewRoadmap(code, writeFromForm(steps), base.versie),
    onSuccess: (found) => {
      clear();
      setWhatIf(found);
    },
    onError: async (error) => {
      if (isConflict(error)) await showStale();
      else show(errorsFromApi(error, steps));
    },
  });

  const save = useMutation({
    // The version this page read goes along as If-Match, so a change someone else saved after it
    // is refused, not overwritten unseen.
    mutationFn: () => saveRoadmap(code, writeFromForm(steps), base.versie),
    onSuccess: async (saved) => {
      setWhatIf(null);
      setBase(saved);
      await storeAnswer(queryClient, ['routekaart', code], saved);
      await queryClient.invalidateQueries({ queryKey: progressKeys.all });
      setMessage(`De routekaart van ${code} is opgeslagen.`);
      messageRef.current?.focus();
    },
    onError: async (error) => {
      setWhatIf(null);
      if (isConflict(error)) await showStale();
      else show(errorsFromApi(error, steps));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStale(false);
    const problems = clientErrors(formProblems(steps));
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    preview.mutate();
  };

  return (
    <>
      {stale && <StaleNotice ref={staleRef} thing="deze routekaart" changed="de routekaart of de maatregel" />}
      <ErrorSummary ref={summaryRef} errors={errors} fields={summaryFields(steps)} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="stappen-kop">
        <Heading level={2} id="stappen-kop">
          Stappen
        </Heading>
        <Paragraph>
          De uiterste start en het uiterste einde van een stap tellen in dagen vanaf de ingangsdatum (
          {formatDutchDate(base.ingangsdatum)}), zodat de stappen meeschuiven als die datum verschuift.
        </Paragraph>
        {steps.map((step, index) => {
          const name = step.titel.trim() || `stap ${index + 1}`;
          return (
            <Fieldset key={step.key} className="spoorboek-fieldset">
              <FieldsetLegend>
                Stap {index + 1}: {step.titel.trim() || 'nieuwe stap'}
              </FieldsetLegend>
              <TextField
                id={fieldId(index, 'code')}
                label="Code"
                description="2 tot 40 kleine letters, cijfers of streepjes, bijvoorbeeld impactanalyse."
                value={step.code}
                onChange={(event) => set(index, { code: event.target.value })}
                errors={errors.fields[fieldId(index, 'code')]}
              />
              <TextField
                id={fieldId(index, 'titel')}
                label="Titel"
                value={step.titel}
                maxLength={200}
                onChange={(event) => set(index, { titel: event.target.value })}
                errors={errors.fields[fieldId(index, 'titel')]}
              />
              <TextAreaField
                id={fieldId(index, 'omschrijving')}
                label="Omschrijving (niet verplicht)"
                rows={2}
                maxLength={2000}
                value={step.omschrijving}
                onChange={(event) => set(index, { omschrijving: event.target.value })}
                errors={errors.fields[fieldId(index, 'omschrijving')]}
              />
              <TextField
                id={fieldId(index, 'startDagen')}
                label="Uiterste start (dagen)"
                description={dayHint(base.ingangsdatum, step.startDagen, 'uiterlijk beginnen op')}
                inputMode="numeric"
                value={step.startDagen}
                onChange={(event) => set(index, { startDagen: event.target.value })}
                errors={errors.fields[fieldId(index, 'startDagen')]}
              />
              <TextField
                id={fieldId(index, 'eindeDagen')}
                label="Uiterste einde (dagen)"
                description={dayHint(base.ingangsdatum, step.eindeDagen, 'uiterlijk klaar op')}
                inputMode="numeric"
                value={step.eindeDagen}
                onChange={(event) => set(index, { eindeDagen: event.target.value })}
                errors={errors.fields[fieldId(index, 'eindeDagen')]}
              />
              <TextField
                id={fieldId(index, 'afhankelijkVan')}
                label="Na stappen (niet verplicht)"
                description="Codes van stappen die eerst komen, gescheiden door komma's."
                value={step.afhankelijkVan}
                onChange={(event) => set(index, { afhankelijkVan: event.target.value })}
                errors={errors.fields[fieldId(index, 'afhankelijkVan')]}
              />
              <CheckboxField
                id={`stap-${index}-raadsbesluit`}
                label="Vraagt een besluit van de gemeenteraad"
                checked={step.raadsbesluit}
                onChange={(checked) => set(index, { raadsbesluit: checked })}
              />
              <ButtonGroup>
                <SubtleButton
                  type="button"
                  disabled={index === 0}
                  aria-label={`${name} omhoog`}
                  onClick={() => edit(moveStep(steps, index, -1), `${name} staat nu op plaats ${index}.`)}
                >
                  Omhoog
                </SubtleButton>
                <SubtleButton
                  type="button"
                  disabled={index === steps.length - 1}
                  aria-label={`${name} omlaag`}
                  onClick={() => edit(moveStep(steps, index, 1), `${name} staat nu op plaats ${index + 2}.`)}
                >
                  Omlaag
                </SubtleButton>
                <SubtleButton
                  type="button"
                  disabled={steps.length === 1}
                  aria-label={`${name} verwijderen`}
                  onClick={() => edit(removeStep(steps, index), `${name} is verwijderd.`)}
                >
                  Verwijderen
                </SubtleButton>
              </ButtonGroup>
            </Fieldset>
          );
        })}
        <ButtonGroup>
          <SecondaryActionButton
            type="button"
            disabled={steps.length >= MAX_STEPS}
            onClick={() => edit([...steps, emptyStep()], `Stap ${steps.length + 1} is toegevoegd.`)}
          >
            Stap toevoegen
          </SecondaryActionButton>
          <PrimaryActionButton type="submit" busy={preview.isPending} disabled={preview.isPending || save.isPending}>
            Bekijk gevolgen
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
      {whatIf && (
        <WhatIfPreview ref={previewRef} whatIf={whatIf} id="gevolgen-routekaart">
          <ButtonGroup>
            <PrimaryActionButton type="button" busy={save.isPending} disabled={save.isPending} onClick={() => save.mutate()}>
              Opslaan
            </PrimaryActionButton>
            <SecondaryActionButton
              type="button"
              disabled={save.isPending}
              onClick={() => {
                setWhatIf(null);
                setMessage('Niets opgeslagen. Uw wijzigingen staan nog in het formulier.');
                messageRef.current?.focus();
              }}
            >
              Annuleren
            </SecondaryActionButton>
          </ButtonGroup>
        </WhatIfPreview>
      )}
      <StatusMessage ref={messageRef}>{message}</StatusMessage>
    </>
  );
}

function RoadmapEditContent({ code }: { code: string }) {
  const roadmap = useRoadmap(code);
  const title = roadmap.data ? `Routekaart van ${code} ${roadmap.data.maatregel.naam} wijzigen` : `Routekaart van ${code} wijzigen`;
  return (
    <>
      <title>{`${title} – Spoorboek`}</title>
      <Heading level={1}>{title}</Heading>
      <Paragraph>
        Voeg stappen toe, verwijder ze of zet ze in een andere volgorde. Voordat u opslaat, ziet u wat de nieuwe routekaart
        doet met de verkeerslichten van de gemeenten.
      </Paragraph>
      <StatusMessage>{roadmap.isPending ? 'Routekaart laden…' : ''}</StatusMessage>
      {roadmap.isError && <ErrorAlert error={roadmap.error} onRetry={() => void roadmap.refetch()} />}
      {roadmap.data && <RoadmapForm code={code} roadmap={roadmap.data} />}
      <Paragraph className="spoorboek-section">
        <AppLink to={`/maatregelen/${code}`}>Terug naar {code}</AppLink>
      </Paragraph>
    </>
  );
}

/** /maatregelen/:code/routekaart: an editor changes a measure's roadmap, after seeing what it does. */
export default function RoadmapEditPage() {
  const { code = '' } = useParams();
  if (!MEASURE_CODE.test(code)) return <NotFoundPage />;
  return <RoadmapEditContent key={code} code={code} />;
}
