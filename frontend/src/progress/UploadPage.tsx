import { useQueryClient } from '@tanstack/react-query';
import { Code, Heading, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { Fragment } from 'react';

import { CheckThenImport, type CheckThenImportWording } from '../shared/CheckThenImport';
import { exportHref, progressKeys, uploadProgressFile } from './api';
import { BLOCKER_KINDS } from './labels';
import { RowProblemTable } from './RowProblemTable';
import { correctionText, reportText, rowProblems } from './upload';

const WORDING: CheckThenImportWording = {
  title: 'Voortgang uploaden',
  formHeading: { id: 'upload-kop', text: 'Bestand uploaden' },
  fileDescription: "CSV (gescheiden door komma's of puntkomma's, UTF-8) of XLSX; het eerste werkblad telt.",
  noFile: 'Kies een CSV- of XLSX-bestand.',
  store: 'Uploaden',
  nothingYet: 'Nog geen bestand geüpload.',
  refused: 'Het bestand is niet verwerkt',
};
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// 413 (too large) and 415 (not a CSV or XLSX, missing columns) are about the file itself.
const FILE_STATUSES = [413, 415];

/** /voortgang/uploaden: the progress of many measures (and municipalities) at once, from a spreadsheet. */
export default function UploadPage() {
  const queryClient = useQueryClient();
  return (
    <CheckThenImport
      wording={WORDING}
      lead={
        <>
          Geef de stand van veel maatregelen tegelijk door met een CSV- of Excel-bestand (XLSX). Spoorboek controleert
          eerst alle rijen: is er één rij fout, dan wordt er niets opgeslagen.
        </>
      }
      accept={ACCEPT}
      upload={uploadProgressFile}
      reportText={reportText}
      rowProblems={rowProblems}
      correctionText={correctionText}
      ProblemTable={RowProblemTable}
      fileStatuses={FILE_STATUSES}
      checkFirst={false}
      onStored={() => queryClient.invalidateQueries({ queryKey: progressKeys.all })}
    >
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
    </CheckThenImport>
  );
}
