import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, ButtonGroup, Code, Heading, Paragraph, PrimaryActionButton, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { ApiError } from '../api/problem';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { CheckboxField, FileField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { DataTable } from '../shared/DataTable';
import { StatusMessage } from '../shared/StatusMessage';
import { useFocusOnChange } from '../shared/useFocusOnChange';
import { ictKeys, importCatalogue } from './api';
import { importProblems, type ImportProblem } from './labels';
import type { ImportReport } from './types';

const FIELDS = { bestand: { id: 'bestand', label: 'Bestand' } };
const ACCEPT = '.csv,text/csv';

type Outcome = { kind: 'report'; report: ImportReport } | { kind: 'rows'; detail: string; problems: ImportProblem[] };

const rows = (count: number) => `${count.toLocaleString('nl-NL')} ${count === 1 ? 'rij' : 'rijen'}`;

/** What an accepted file did (or would do), in one sentence. */
export function importReportText(report: ImportReport): string {
  const counts = `${report.nieuweApplicaties} nieuwe applicaties, ${report.gewijzigd} gewijzigd, ${report.ongewijzigd} ongewijzigd`;
  if (report.gecontroleerd) return `Gecontroleerd: ${rows(report.rijen)}, geen fouten (${counts}). Er is niets opgeslagen.`;
  return `Ingelezen: ${rows(report.rijen)}; ${counts}.`;
}

function ProblemTable({ problems }: { problems: ImportProblem[] }) {
  return (
    <DataTable
      id="importfouten-tabel"
      caption="Fouten per regel (de kopregel is regel 1)"
      visibleCaption
      columns={['Regel', 'Gemeente', 'Kolom', 'Melding']}
    >
      {problems.map((problem, index) => (
        <TableRow key={`${problem.row}-${index}`}>
          <TableCell>{problem.row}</TableCell>
          <TableCell>{problem.municipality || '–'}</TableCell>
          <TableCell>{problem.column ?? '–'}</TableCell>
          <TableCell className="spoorboek-details">{problem.message}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

function OutcomeAlert({ outcome }: { outcome: Outcome }) {
  if (outcome.kind === 'report') {
    return (
      <Alert type="ok">
        <Paragraph>{importReportText(outcome.report)}</Paragraph>
      </Alert>
    );
  }
  return (
    <>
      <Alert type="error">
        <Heading level={3}>Het bestand is niet ingelezen</Heading>
        <Paragraph>{outcome.detail}</Paragraph>
        <Paragraph>Verbeter de regels hieronder en probeer het opnieuw.</Paragraph>
      </Alert>
      <ProblemTable problems={outcome.problems} />
    </>
  );
}

/** /ict/import: which municipality uses which application, from a software catalogue's CSV export (team). */
export default function ImportPage() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [checkOnly, setCheckOnly] = useState(true);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { errors, show, clear, summaryRef } = useFormErrors();
  const resultRef = useFocusOnChange(String(attempt));

  const upload = useMutation({
    mutationFn: ({ chosen, check }: { chosen: File; check: boolean }) => importCatalogue(chosen, check),
    onMutate: () => {
      clear();
      setOutcome(null);
    },
    onSuccess: async (report) => {
      setOutcome({ kind: 'report', report });
      setAttempt((count) => count + 1);
      // After a clean check the next click reads the same file in; after reading in, the next file is checked first.
      if (!report.gecontroleerd) {
        setCheckOnly(true);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: ictKeys.all }),
          queryClient.invalidateQueries({ queryKey: ictKeys.publicFigures }),
        ]);
      } else {
        setCheckOnly(false);
      }
    },
    onError: (error) => {
      const problems = importProblems(error);
      if (problems.length > 0 && error instanceof ApiError) {
        setOutcome({ kind: 'rows', detail: error.detail ?? error.title, problems });
        setAttempt((count) => count + 1);
        return;
      }
      // A wrong header (400), too large (413) or not UTF-8 text (415) is about the file itself.
      show(mapErrorToForm(error, ['bestand'], { statusFields: { 400: 'bestand', 413: 'bestand', 415: 'bestand' } }));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors({ bestand: !file && 'Kies een CSV-bestand.' });
    if (hasErrors(problems) || !file) {
      show(problems);
      return;
    }
    upload.mutate({ chosen: file, check: checkOnly });
  };

  return (
    <>
      <title>Applicaties inlezen – Spoorboek</title>
      <Heading level={1}>Applicaties inlezen</Heading>
      <Paragraph appearance="lead">
        Lees in welke gemeente welke applicatie gebruikt, uit de CSV-export van een softwarecatalogus. Controleer het
        bestand eerst: is er één regel fout, dan wordt er niets opgeslagen.
      </Paragraph>
      <section aria-labelledby="formaat-kop" className="spoorboek-section">
        <Heading level={2} id="formaat-kop">
          Het bestand
        </Heading>
        <Paragraph>
          Eén regel per gemeente, pakket en domein, met de kolommen <Code>gemeentecode</Code>, <Code>gemeentenaam</Code>{' '}
          (mag leeg), <Code>pakket</Code>, <Code>leverancier</Code> (code of naam) en <Code>domein</Code> (een of meer van{' '}
          <Code>inkomen</Code>, <Code>werk</Code>, <Code>schulden</Code> en <Code>ketenuitwisseling</Code>, gescheiden door
          een komma of <Code>|</Code>). Gescheiden door puntkomma&apos;s of komma&apos;s, UTF-8. Een pakket dat de
          leverancier nog niet had, wordt aangemaakt.
        </Paragraph>
      </section>
      <section aria-labelledby="inlezen-kop" className="spoorboek-section">
        <Heading level={2} id="inlezen-kop">
          Bestand inlezen
        </Heading>
        <ErrorSummary ref={summaryRef} errors={errors} fields={FIELDS} />
        <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="inlezen-kop">
          <FileField
            {...FIELDS.bestand}
            name="bestand"
            accept={ACCEPT}
            description="CSV, hoogstens 2 MiB en 5.000 regels."
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            errors={errors.fields.bestand}
          />
          <CheckboxField id="controleren" label="Alleen controleren, nog niets opslaan" checked={checkOnly} onChange={setCheckOnly} />
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={upload.isPending} disabled={upload.isPending}>
              {checkOnly ? 'Controleren' : 'Inlezen'}
            </PrimaryActionButton>
          </ButtonGroup>
        </form>
      </section>
      <section aria-labelledby="resultaat-kop" className="spoorboek-section">
        <Heading level={2} id="resultaat-kop" tabIndex={-1} ref={resultRef}>
          Resultaat
        </Heading>
        <StatusMessage>{upload.isPending ? 'Bestand verwerken…' : outcome ? '' : 'Nog geen bestand ingelezen.'}</StatusMessage>
        {outcome && <OutcomeAlert outcome={outcome} />}
      </section>
    </>
  );
}
