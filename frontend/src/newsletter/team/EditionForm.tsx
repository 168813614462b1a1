import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { ApiError, isConflict } from '../../api/problem';
import { clientErrors, hasErrors, mapErrorToForm } from '../../forms/errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { TextAreaField, TextField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import { editionKeys, refreshEdition, updateEdition } from './api';
import { SectionsEditor } from './SectionsEditor';
import { draftsOf, sectionsIn, type DraftSection } from './sections';
import type { EditionDetail } from './types';

const FIELDS = ['titel', 'inleiding', 'secties'] as const;

const MARKDOWN_HINT =
  'Markdown: **vet**, *schuin*, [linktekst](https://voorbeeld.nl), een regel die begint met - voor een opsomming, een lege regel tussen alinea’s.';

interface Props {
  edition: EditionDetail;
  /** 412: someone else saved first. */
  onStale: () => void;
  onSaved: () => void;
}

/** The title, the introduction and the sections of a draft or planned edition, saved with If-Match. */
export function EditionForm({ edition, onStale, onSaved }: Props) {
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(edition.titel);
  const [intro, setIntro] = useState(edition.inleiding);
  const [sections, setSections] = useState<DraftSection[]>(() => draftsOf(edition.secties));
  const { errors, show, clear, summaryRef } = useFormErrors();

  const save = useMutation({
    mutationFn: () =>
      updateEdition(edition.id, edition.versie, { titel: title.trim(), inleiding: intro, secties: sectionsIn(sections) }),
    onSuccess: async (saved) => {
      clear();
      onSaved();
      await refreshEdition(queryClient, saved);
    },
    onError: (error) => {
      if (isConflict(error)) {
        onStale();
        return;
      }
      show(mapErrorToForm(error, FIELDS));
      // 409: sending began meanwhile; the newest state shows the edition read-only.
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: editionKeys.detail(edition.id) });
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const untitled = sections.findIndex((section) => section.titel.trim() === '');
    const problems = clientErrors({
      titel: title.trim() === '' ? 'Geef de editie een titel.' : null,
      secties: untitled >= 0 ? `Sectie ${untitled + 1} heeft geen titel.` : null,
    });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    save.mutate();
  };

  return (
    <>
      <ErrorSummary
        ref={summaryRef}
        errors={errors}
        fields={{
          titel: { label: 'Titel', id: 'editie-titel' },
          inleiding: { label: 'Inleiding', id: 'editie-inleiding' },
          secties: { label: 'Secties', id: 'secties-kop' },
        }}
      />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-label="Editie bewerken">
        <TextField
          id="editie-titel"
          label="Titel"
          description="Ook het onderwerp van de mail."
          maxLength={200}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          errors={errors.fields.titel}
        />
        <TextAreaField
          id="editie-inleiding"
          label="Inleiding"
          description={MARKDOWN_HINT}
          rows={6}
          maxLength={20000}
          value={intro}
          onChange={(event) => setIntro(event.target.value)}
          errors={errors.fields.inleiding}
        />
        <SectionsEditor sections={sections} onChange={setSections} errors={errors.fields} />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={save.isPending} disabled={save.isPending}>
            Editie opslaan
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}
