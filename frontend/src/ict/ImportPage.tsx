import { useQueryClient } from '@tanstack/react-query';
import { Code, Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';

import { CheckThenImport, type CheckThenImportWording } from '../shared/CheckThenImport';
import { DataTable } from '../shared/DataTable';
import { ictKeys, importCatalogue } from './api';
import { importProblems, type ImportProblem } from './labels';
import type { ImportReport } from './types';

const WORDING: CheckThenImportWording = {
  title: 'Applicaties inlezen',
  formHeading: { id: 'inlezen-kop', text: 'Bestand inlezen' },
  fileDescription: 'CSV, hoogstens 2 MiB en 5.000 regels.',
  noFile: 'Kies een CSV-bestand.',
  store: 'Inlezen',
  nothingYet: 'Nog geen bestand ingelezen.',
  refused: 'Het bestand is niet ingelezen',
};
const ACCEPT = '.csv,text/csv';
// A wrong header (400), too large (413) or not UTF-8 text (415) is about the file itself.
const FILE_STATUSES = [400, 413, 415];

const rows = (count: number) => `${count.toLocaleString('nl-NL')} ${count === 1 ? 'rij' : 'rijen'}`;

/** What an accepted file did (or would do), in one sentence. */
export function importReportText(report: ImportReport): string {
  const counts = `${report.nieuweApplicaties} nieuwe applicaties, ${report.gewijzigd} gewijzigd, ${report.ongewijzigd} ongewijzigd`;
  if (report.gecontroleerd) return `Gecontroleerd: ${rows(report.rijen)}, geen fouten (${counts}). Er is niets opgeslagen.`;
  return `Ingelezen: ${rows(report.rijen)}; ${counts}.`;
}

const correctionText = () => 'Verbeter de regels hieronder en probeer het opnieuw.';

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

/** /ict/import: which municipality uses which application, from a software catalogue's CSV export (team). */
export default function ImportPage() {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ictKeys.all }),
      queryClient.invalidateQueries({ queryKey: ictKeys.publicFigures }),
    ]);

  return (
    <CheckThenImport
      wording={WORDING}
      lead={
        <>
          Lees in welke gemeente welke applicatie gebruikt, uit de CSV-export van een softwarecatalogus. Controleer het
          bestand eerst: is er één regel fout, dan wordt er niets opgeslagen.
        </>
      }
      accept={ACCEPT}
      upload={importCatalogue}
      reportText={importReportText}
      rowProblems={importProblems}
      correctionText={correctionText}
      ProblemTable={ProblemTable}
      fileStatuses={FILE_STATUSES}
      checkFirst
      onStored={refresh}
    >
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
    </CheckThenImport>
  );
}
