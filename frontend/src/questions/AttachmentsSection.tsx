import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, SecondaryActionButton } from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';

import { clientErrors, mapErrorToForm } from '../forms/errors';
import { FileField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { FileList } from '../products/FileList';
import { StatusMessage } from '../shared/StatusMessage';
import { questionKeys, uploadAttachment } from './api';
import type { Attachment, Question } from './types';

const asFile = (attachment: Attachment) => ({
  id: attachment.id,
  naam: attachment.naam,
  mediatype: attachment.mediaType,
  grootte: attachment.grootte,
  sha256: '',
  externeUrl: null,
  download: attachment.href,
});

/** The question's attachments, and (for the asker and the team) a way to add one. */
export function AttachmentsSection({ question }: { question: Question }) {
  const queryClient = useQueryClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState('');
  const { errors, show, clear } = useFormErrors();
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadAttachment(question.id, chosen),
    onMutate: () => setMessage(''),
    onSuccess: async (attachment) => {
      clear();
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
      setMessage(`${attachment.naam} is toegevoegd.`);
      await queryClient.invalidateQueries({ queryKey: questionKeys.detail(question.id) });
    },
    onError: (error) => {
      show(mapErrorToForm(error, ['bestand'], { statusFields: { 409: 'bestand', 413: 'bestand', 415: 'bestand' } }));
      inputRef.current?.focus();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      show(clientErrors({ bestand: 'Kies een bestand.' }));
      inputRef.current?.focus();
      return;
    }
    upload.mutate(file);
  };
  return (
    <section aria-labelledby="bijlagen-kop" className="spoorboek-section">
      <Heading level={2} id="bijlagen-kop">
        Bijlagen
      </Heading>
      <FileList files={question.bijlagen.map(asFile)} labelledBy="bijlagen-kop" empty="Deze vraag heeft geen bijlagen." />
      {!question.gewist && (
        <form noValidate onSubmit={submit} className="spoorboek-form" aria-label="Bijlage toevoegen">
          <FileField
            id="bestand"
            label="Bestand"
            description="PDF, Word, Excel, OpenDocument, PNG of JPEG."
            inputRef={inputRef}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            errors={errors.fields.bestand ?? (errors.general.length ? errors.general : undefined)}
          />
          <ButtonGroup>
            <SecondaryActionButton type="submit" busy={upload.isPending} disabled={upload.isPending}>
              Bijlage toevoegen
            </SecondaryActionButton>
          </ButtonGroup>
          <StatusMessage>{message}</StatusMessage>
        </form>
      )}
    </section>
  );
}
