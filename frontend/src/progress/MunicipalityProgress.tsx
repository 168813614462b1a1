import { Heading, Paragraph } from '@utrecht/component-library-react';

import { isEditor, useCurrentUser } from '../auth/session';
import { useIctLightCauses } from '../ict/api';
import { MunicipalityIctSection } from '../ict/MunicipalityIctSection';
import { DutchDate } from '../shared/DutchDate';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { useMunicipalityProgress } from './api';
import { ComparisonSection } from './ComparisonSection';
import { MunicipalityActivity } from './MunicipalityActivity';
import { MunicipalityPeers } from './MunicipalityPeers';
import { StatusTable } from './StatusTable';
import { lightsText } from './summary';

/**
 * One municipality's progress: its status per measure (each linking to the measure's details,
 * where it can be changed) and the comparison with similar municipalities.
 */
export function MunicipalityProgress({ code }: { code: string }) {
  const progress = useMunicipalityProgress(code);
  const editor = isEditor(useCurrentUser());
  const ictCauses = useIctLightCauses(code);
  const cells = progress.data ?? [];
  const name = cells[0]?.gemeente.naam ?? code;

  let status = '';
  if (progress.isPending) status = 'Voortgang laden…';
  else if (progress.data && cells.length === 0) status = 'Er zijn nog geen maatregelen om voortgang op te geven.';

  return (
    <>
      <title>{`Voortgang ${name} – Spoorboek`}</title>
      <Heading level={1}>Voortgang {name}</Heading>
      <Paragraph appearance="lead">
        Per maatregel: in welke fase {name} is, of dat op schema ligt, wat de volgende stap is en wanneer die uiterlijk
        moet beginnen. Kies een maatregel om de stand te wijzigen of de geschiedenis te bekijken.
      </Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {progress.isError && <ErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />}
      {cells.length > 0 && (
        <section aria-labelledby="stand-kop" className="spoorboek-section">
          <Heading level={2} id="stand-kop">
            Stand per maatregel
          </Heading>
          <Paragraph>
            Stand op <DutchDate value={cells[0]?.peildatum ?? ''} />: {lightsText(cells.map((cell) => cell.verkeerslicht))}.
          </Paragraph>
          <StatusTable
            cells={cells}
            captionId="stand-tabel"
            caption={`Stand per maatregel van ${name}`}
            lightCauses={ictCauses}
          />
        </section>
      )}
      {progress.data && <MunicipalityIctSection code={code} />}
      {progress.data && <MunicipalityPeers code={code} />}
      {progress.data && <ComparisonSection code={code} linkPeers={editor} />}
      {progress.data && <MunicipalityActivity code={code} />}
    </>
  );
}
