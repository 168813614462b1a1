import { useMutation } from '@tanstack/react-query';
import { Alert, ButtonGroup, Heading, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type ComponentType, type FormEvent, type ReactNode } from 'react';

import { ApiError } from '../api/problem';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { CheckboxField, FileField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { StatusMessage } from './StatusMessage';
import { useFocusOnChange } from './useFocusOnChange';

const FIELDS = { bestand: { id: 'bestand', label: 'Bestand' } };

/** The words of one upload screen: the rest of what it says is the same on every such screen. */
export interface CheckThenImportWording {
  /** The page's title and first heading: "Applicaties inlezen". */
  title: string;
  /** The heading of the form's section, and its id (the form is named by it). */
  formHeading: { id: string; text: string };
  /** Under the file field's label: which files, how large. */
  fileDescription: string;
  /** When the form is sent without a file: "Kies een CSV-bestand." */
  noFile: string;
  /** The button when the file is to be stored, not only checked: "Inlezen". */
  store: string;
  /** The result before the first file: "Nog geen bestand ingelezen." */
  nothingYet: string;
  /** The heading over a refused file's problems: "Het bestand is niet ingelezen". */
  refused: string;
}

interface CheckThenImportProps<Report extends { gecontroleerd: boolean }, Problem> {
  wording: CheckThenImportWording;
  /** The lead paragraph under the first heading. */
  lead: ReactNode;
  /** The section that explains the file, between the lead and the form. */
  children: ReactNode;
  /** What the file field offers to choose (its accept attribute). */
  accept: string;
  /** Sends the file; with `checkOnly` the server checks every row and stores nothing. */
  upload: (file: File, checkOnly: boolean) => Promise<Report>;
  /** What an accepted file did (or would do), in one sentence. */
  reportText: (report: Report) => string;
  /** The per-row problems of a refused file; none for an error about the file as a whole. */
  rowProblems: (error: unknown) => Problem[];
  /** What to do about the rows that have problems, under the refusal's detail. */
  correctionText: (problems: Problem[]) => string;
  /** The table of the per-row problems. */
  ProblemTable: ComponentType<{ problems: Problem[] }>;
  /** The statuses without per-row problems that are about the file itself, shown at the file field. */
  fileStatuses: readonly number[];
  /**
   * Check a file before storing it: "only check" starts on, a clean check turns it off so the
   * next click stores the same file, and storing turns it on again for the next file. Otherwise
   * the choice stays as the user set it.
   */
  checkFirst: boolean;
  /** After a file was stored (not only checked): refresh what it changed. */
  onStored: () => Promise<unknown>;
}

type Outcome<Report, Problem> = { kind: 'report'; report: Report } | { kind: 'rows'; detail: string; problems: Problem[] };

/**
 * A screen that reads a file in: the file with the choice to only check it, then the server's
 * report in one sentence, or why the file was not read in with a table of the problems per row.
 * Nothing is stored unless every row is right.
 */
export function CheckThenImport<Report extends { gecontroleerd: boolean }, Problem>({
  wording,
  lead,
  children,
  accept,
  upload,
  reportText,
  rowProblems,
  correctionText,
  ProblemTable,
  fileStatuses,
  checkFirst,
  onStored,
}: CheckThenImportProps<Report, Problem>) {
  const [file, setFile] = useState<File | null>(null);
  const [checkOnly, setCheckOnly] = useState(checkFirst);
  const [outcome, setOutcome] = useState<Outcome<Report, Problem> | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { errors, show, clear, summaryRef } = useFormErrors();
  // Each outcome, also the same one again, moves focus to the result so a screen reader reads it.
  const resultRef = useFocusOnChange(String(attempt));

  const sending = useMutation({
    mutationFn: ({ chosen, check }: { chosen: File; check: boolean }) => upload(chosen, check),
    onMutate: () => {
      clear();
      setOutcome(null);
    },
    onSuccess: async (report) => {
      setOutcome({ kind: 'report', report });
      setAttempt((count) => count + 1);
      if (checkFirst) setCheckOnly(!report.gecontroleerd);
      if (!report.gecontroleerd) await onStored();
    },
    onError: (error) => {
      const problems = rowProblems(error);
      if (problems.length > 0 && error instanceof ApiError) {
        setOutcome({ kind: 'rows', detail: error.detail ?? error.title, problems });
        setAttempt((count) => count + 1);
        return;
      }
      const statusFields = Object.fromEntries(fileStatuses.map((status) => [status, 'bestand']));
      show(mapErrorToForm(error, ['bestand'], { statusFields }));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors({ bestand: !file && wording.noFile });
    if (hasErrors(problems) || !file) {
      show(problems);
      return;
    }
    sending.mutate({ chosen: file, check: checkOnly });
  };

  return (
    <>
      <title>{`${wording.title} – Spoorboek`}</title>
      <Heading level={1}>{wording.title}</Heading>
      <Paragraph appearance="lead">{lead}</Paragraph>
      {children}
      <section aria-labelledby={wording.formHeading.id} className="spoorboek-section">
        <Heading level={2} id={wording.formHeading.id}>
          {wording.formHeading.text}
        </Heading>
        <ErrorSummary ref={summaryRef} errors={errors} fields={FIELDS} />
        <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby={wording.formHeading.id}>
          <FileField
            {...FIELDS.bestand}
            name="bestand"
            accept={accept}
            description={wording.fileDescription}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            errors={errors.fields.bestand}
          />
          <CheckboxField id="controleren" label="Alleen controleren, nog niets opslaan" checked={checkOnly} onChange={setCheckOnly} />
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={sending.isPending} disabled={sending.isPending}>
              {checkOnly ? 'Controleren' : wording.store}
            </PrimaryActionButton>
          </ButtonGroup>
        </form>
      </section>
      <section aria-labelledby="resultaat-kop" className="spoorboek-section">
        <Heading level={2} id="resultaat-kop" tabIndex={-1} ref={resultRef}>
          Resultaat
        </Heading>
        <StatusMessage>{sending.isPending ? 'Bestand verwerken…' : outcome ? '' : wording.nothingYet}</StatusMessage>
        {outcome?.kind === 'report' && (
          <Alert type="ok">
            <Paragraph>{reportText(outcome.report)}</Paragraph>
          </Alert>
        )}
        {outcome?.kind === 'rows' && (
          <>
            <Alert type="error">
              <Heading level={3}>{wording.refused}</Heading>
              <Paragraph>{outcome.detail}</Paragraph>
              <Paragraph>{correctionText(outcome.problems)}</Paragraph>
            </Alert>
            <ProblemTable problems={outcome.problems} />
          </>
        )}
      </section>
    </>
  );
}
