import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  ButtonGroup,
  Code,
  Heading,
  Link,
  Paragraph,
  PrimaryActionButton,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { Fragment, useState, type FormEvent } from 'react';

import { useFocusOnChange } from '../shared/useFocusOnChange';
import { ApiError } from '../api/problem';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { CheckboxField, FileField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { StatusMessage } from '../shared/StatusMessage';
import { exportHref, progressKeys, uploadProgressFile } from './api';
import { BLOCKER_KINDS } from './labels';
import { RowProblemTable } from './RowProblemTable';
import type { BulkReport } from './types';
import { correctionText, reportText, rowProblems, type RowProblem } from './upload';

const FIELDS = { bestand: { id: 'bestand', label: 'Bestand' } };
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Outcome = { kind: 'report'; report: BulkReport } | { kind: 'rows'; detail: string; problems: RowProblem[] };

function OutcomeAlert({ outcome }: { outcome: Outcome }) {
  if (outcome.kind === 'report') {
    return (
      <Alert type="ok">
        <Paragraph>{reportText(outcome.report)}</Paragraph>
      </Alert>
    );
  }
  return (
    <>
      <Alert type="error">
        <Heading level={3}>Het bestand is niet verwerkt</Heading>
        <Paragraph>{outcome.detail}</Paragraph>
        <Paragraph>{correctionText(outcome.problems)}</Paragraph>
      </Alert>
      <RowProblemTable problems={outcome.problems} />
    </>
  );
}

/** /voortgang/uploaden: the progress of many measures (and municipalities) at once, from a spreadsheet. */
export default function UploadPage() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [checkOnly, setCheckOnly] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { errors, show, clear, summaryRef } = useFormErrors();
  const resultRef = useFocusOnChange(String(attempt));

  const upload = useMutation({
    mutationFn: ({ chosen, check }: { chosen: File; check: boolean }) => uploadProgressFile(chosen, check),
    onMutate: () => {
      clear();
      setOutcome(null);
    },
    onSuccess: async (report) => {
      setOutcome({ kind: 'report', report });
      setAttempt((count) => count + 1);
      if (!report.gecontroleerd) await queryClient.invalidateQueries({ queryKey: progressKeys.all });
    },
    onError: (error) => {
      const problems = rowProblems(error);
      if (problems.length > 0 && error instanceof ApiError) {
        setOutcome({ kind: 'rows', detail: error.detail ?? error.title, problems });
        setAttempt((count) => count + 1);
        return;
      }
      // 413 (too large) and 415 (not a CSV or XLSX, missing columns) are about the file itself.
      show(mapErrorToForm(error, ['bestand'], { statusFields: { 413: 'bestand', 415: 'bestand' } }));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors({ bestand: !file && 'Kies een CSV- of XLSX-bestand.' });
    if (hasErrors(problems) || !file) {
      show(problems);
      return;
    }
    upload.mutate({ chosen: file, check: checkOnly });
  };

  return (
    <>
      <title>Voortgang uploaden – Spoorboek</title>
      <Heading level={1}>Voortgang uploaden</Heading>
      <Paragraph appearance="lead">
        Geef de stand van veel maatregelen tegelijk door met een CSV- of Excel-bestand (XLSX). Spoorboek controleert
        eerst alle rijen: is er één rij fout, dan wordt er niets opgeslagen.
      </Paragraph>
      <section aria-labelledby="sjabloon-kop" className="spoorboek-section">
        <Heading level={2} id="sjabloon-kop">
          Sjabloon
        </Heading>
        <Paragraph>
          Download de huidige stand als sjabloon, pas die aan en upload hem weer. Een ongewijzigde download verandert
          niets.
        </Paragraph>
        <UnorderedList>
          <UnorderedListItem>
            <Link href={exportHref('csv')} download>
              Huidige stand downloaden als CSV
            </Link>
          </UnorderedListItem>
          <UnorderedListItem>
            <Link href={exportHref('xlsx')} download>
              Huidige stand downloaden als Excel (XLSX)
            </Link>
          </UnorderedListItem>
        </UnorderedList>
        <Paragraph>
          De kolommen: <Code>gemeente</Code>, <Code>maatregel</Code> en <Code>fase</Code> zijn verplicht;{' '}
          <Code>geplandLivegang</Code>, <Code>stappenGereed</Code>, <Code>knelpunten</Code>, <Code>knelpuntSoort</Code> en{' '}
          <Code>notitie</Code> mogen ontbreken (dan blijft wat er staat). Data schrijft u als JJJJ-MM-DD, stappen als{' '}
          <Code>impactanalyse=2026-04-01;beleid=2026-06-15</Code>. De soort van een knelpunt is een van{' '}
          {BLOCKER_KINDS.map((kind, index) => (
            <Fragment key={kind}>
              {index > 0 && (index === BLOCKER_KINDS.length - 1 ? ' of ' : ', ')}
              <Code>{kind}</Code>
            </Fragment>
          ))}
          ; een lege cel betekent geen soort.
        </Paragraph>
      </section>
      <section aria-labelledby="upload-kop" className="spoorboek-section">
        <Heading level={2} id="upload-kop">
          Bestand uploaden
        </Heading>
        <ErrorSummary ref={summaryRef} errors={errors} fields={FIELDS} />
        <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="upload-kop">
          <FileField
            {...FIELDS.bestand}
            name="bestand"
            accept={ACCEPT}
            description="CSV (gescheiden door komma's of puntkomma's, UTF-8) of XLSX; het eerste werkblad telt."
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            errors={errors.fields.bestand}
          />
          <CheckboxField
            id="controleren"
            label="Alleen controleren, nog niets opslaan"
            checked={checkOnly}
            onChange={setCheckOnly}
          />
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={upload.isPending} disabled={upload.isPending}>
              {checkOnly ? 'Controleren' : 'Uploaden'}
            </PrimaryActionButton>
          </ButtonGroup>
        </form>
      </section>
      <section aria-labelledby="resultaat-kop" className="spoorboek-section">
        <Heading level={2} id="resultaat-kop" tabIndex={-1} ref={resultRef}>
          Resultaat
        </Heading>
        <StatusMessage>{upload.isPending ? 'Bestand verwerken…' : outcome ? '' : 'Nog geen bestand geüpload.'}</StatusMessage>
        {outcome && <OutcomeAlert outcome={outcome} />}
      </section>
    </>
  );
}
