import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  SubtleButton,
} from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';

import { clientErrors, hasErrors, mapErrorToForm } from '../../forms/errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { FileField, TextField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { invalidateProducts } from '../api';
import { FileList } from '../FileList';
import type { Product, ProductFile } from '../types';
import { addLink, removeFile, uploadFile } from './api';

/** What the server accepts (it recognises the type by content, not by name). */
const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp';

const UPLOAD_FIELDS = { bestand: { id: 'bestand', label: 'Document' } };
const LINK_FIELDS = {
  naam: { id: 'link-naam', label: 'Naam van de link' },
  url: { id: 'link-url', label: 'Webadres' },
};

function useRefreshProduct() {
  const queryClient = useQueryClient();
  return () => invalidateProducts(queryClient);
}

function UploadForm({ product, onDone }: { product: Product; onDone: (text: string) => void }) {
  const refresh = useRefreshProduct();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const { errors, show, clear, summaryRef } = useFormErrors();
  const mutation = useMutation({
    mutationFn: (chosen: File) => uploadFile(product.id, chosen),
    onSuccess: async (added) => {
      clear();
      setFile(null);
      setInputKey((key) => key + 1);
      await refresh();
      onDone(`Document ${added.naam} is toegevoegd aan het concept.`);
    },
    // 413 (too large) and 415 (not an allowed type) are about the file: show the server's words there.
    onError: (error) => show(mapErrorToForm(error, ['bestand'], { statusFields: { 413: 'bestand', 415: 'bestand' } })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors({ bestand: !file && 'Kies een bestand.' });
    if (hasErrors(problems) || !file) {
      show(problems);
      return;
    }
    mutation.mutate(file);
  };
  return (
    <>
      <ErrorSummary ref={summaryRef} errors={errors} fields={UPLOAD_FIELDS} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="upload-kop">
        <FileField
          key={inputKey}
          {...UPLOAD_FIELDS.bestand}
          name="bestand"
          accept={ACCEPT}
          description="PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX) of OpenDocument (ODT, ODS, ODP). Spoorboek herkent het type aan de inhoud."
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          errors={errors.fields.bestand}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={mutation.isPending} disabled={mutation.isPending}>
            Uploaden
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}

function LinkForm({ product, onDone }: { product: Product; onDone: (text: string) => void }) {
  const refresh = useRefreshProduct();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const mutation = useMutation({
    mutationFn: () => addLink(product.id, name.trim(), url.trim()),
    onSuccess: async (added) => {
      clear();
      setName('');
      setUrl('');
      await refresh();
      onDone(`Link ${added.naam} is toegevoegd aan het concept.`);
    },
    onError: (error) => show(mapErrorToForm(error, Object.keys(LINK_FIELDS))),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const address = url.trim();
    const problems = clientErrors({
      naam: !name.trim() && 'Vul een naam in, bijvoorbeeld "Webinar".',
      url: !address
        ? 'Vul het webadres in.'
        : !/^https:\/\/\S{4,}$/.test(address) && 'Het webadres moet met https:// beginnen en mag geen spaties bevatten.',
    });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    mutation.mutate();
  };
  return (
    <>
      <ErrorSummary ref={summaryRef} errors={errors} fields={LINK_FIELDS} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="link-kop">
        <TextField
          {...LINK_FIELDS.naam}
          maxLength={255}
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.target.value)}
          errors={errors.fields.naam}
        />
        <TextField
          {...LINK_FIELDS.url}
          type="url"
          inputMode="url"
          autoComplete="off"
          maxLength={1000}
          description="Alleen beveiligde adressen, beginnend met https://."
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          errors={errors.fields.url}
        />
        <ButtonGroup>
          <SecondaryActionButton type="submit" busy={mutation.isPending} disabled={mutation.isPending}>
            Link toevoegen
          </SecondaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}

/** The draft version: its note, its documents and links, and adding or removing them. */
export function DraftSection({ product }: { product: Product }) {
  const refresh = useRefreshProduct();
  const [message, setMessage] = useState('');
  const filesHeading = useRef<HTMLHeadingElement>(null);
  const remove = useMutation({
    mutationFn: (file: ProductFile) => removeFile(product.id, file.id),
    onMutate: () => setMessage(''),
    onSuccess: async (_, file) => {
      await refresh();
      setMessage(`${file.naam} is verwijderd uit het concept.`);
      // The button that had focus is gone; continue at the list.
      filesHeading.current?.focus();
    },
  });
  const draft = product.conceptversie;

  if (!draft) {
    return (
      <section aria-labelledby="concept-kop" className="spoorboek-section">
        <Heading level={2} id="concept-kop">
          Concept
        </Heading>
        <Paragraph>
          {product.status === 'gepland'
            ? 'Er is nog geen conceptversie. Start de ontwikkeling om documenten en links toe te voegen.'
            : product.status === 'ingetrokken'
              ? 'Een ingetrokken product heeft geen concept meer.'
              : 'Er is geen conceptversie. Start een nieuwe versie om documenten en links te wijzigen; een gepubliceerde versie verandert nooit.'}
        </Paragraph>
        <StatusMessage>{message}</StatusMessage>
      </section>
    );
  }

  return (
    <section aria-labelledby="concept-kop" className="spoorboek-section">
      <Heading level={2} id="concept-kop">
        Conceptversie {draft.nummer}
      </Heading>
      <DataList className="spoorboek-facts">
        <DataListItem>
          <DataListKey>Wijzigingsnotitie</DataListKey>
          <DataListValue>{draft.wijzigingsnotitie}</DataListValue>
        </DataListItem>
      </DataList>
      <Heading level={3} id="concept-bestanden" tabIndex={-1} ref={filesHeading}>
        Documenten en links van het concept
      </Heading>
      {remove.isError && <ErrorAlert error={remove.error} />}
      <FileList
        files={draft.bestanden}
        labelledBy="concept-bestanden"
        empty="Het concept heeft nog geen documenten of links. Voeg er minstens één toe voordat u het ter toetsing aanbiedt."
        actions={(file) => (
          <SubtleButton
            type="button"
            aria-label={`Verwijder ${file.naam}`}
            busy={remove.isPending && remove.variables?.id === file.id}
            disabled={remove.isPending}
            onClick={() => remove.mutate(file)}
          >
            Verwijder
          </SubtleButton>
        )}
      />
      <StatusMessage>{message}</StatusMessage>
      <Heading level={3} id="upload-kop">
        Document toevoegen
      </Heading>
      <UploadForm product={product} onDone={setMessage} />
      <Heading level={3} id="link-kop">
        Link toevoegen
      </Heading>
      <Paragraph>Bijvoorbeeld een webinar of een pagina op de website van een partner.</Paragraph>
      <LinkForm product={product} onDone={setMessage} />
    </section>
  );
}
