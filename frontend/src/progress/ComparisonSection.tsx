import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

import { AppLink } from '../app/AppLink';
import { ErrorAlert } from '../shared/ErrorAlert';
import { ProvenanceNote } from '../shared/Provenance';
import { StatusMessage } from '../shared/StatusMessage';
import { DataTable } from '../shared/DataTable';
import { useComparison } from './api';
import { percentText } from './labels';
import { municipalityPath } from './paths';

/** The comparison's row of the similar municipalities (listed in `vergelijkbaar`). */
const PEER_GROUP = 'vergelijkbaar';

/** The municipality's figures next to similar municipalities, its province, region and country. */
export function ComparisonSection({
  code,
  linkPeers,
  peerPath = municipalityPath,
}: {
  code: string;
  linkPeers: boolean;
  /** Where a peer links to: its progress screen, or (public pages) its public page. */
  peerPath?: (code: string) => string;
}) {
  const comparison = useComparison(code);
  return (
    <section aria-labelledby="vergelijking-kop" className="spoorboek-section">
      <Heading level={2} id="vergelijking-kop">
        Vergelijking
      </Heading>
      <StatusMessage>{comparison.isPending ? 'Vergelijking laden…' : ''}</StatusMessage>
      {comparison.isError && <ErrorAlert error={comparison.error} onRetry={() => void comparison.refetch()} />}
      {comparison.data && (
        <>
          <Paragraph>
            Gemeenten met ongeveer evenveel inwoners ({comparison.data.inwoners.toLocaleString('nl-NL')}):{' '}
            {comparison.data.vergelijkbaar.map((peer, index) => (
              <span key={peer.code}>
                {index > 0 && ', '}
                {linkPeers ? <AppLink to={peerPath(peer.code)}>{peer.naam}</AppLink> : peer.naam}
              </span>
            ))}
            .
          </Paragraph>
          <DataTable
            id="vergelijking-tabel"
            caption={`Voortgang van ${comparison.data.gemeente.naam} vergeleken met andere gemeenten`}
            columns={['Groep', 'Geïmplementeerd', 'Risico', 'Te laat', 'Tekort', 'Gemiddelde achterstand']}
          >
            {comparison.data.cijfers.map((figures) => (
              <TableRow key={figures.groep.code}>
                <TableHeaderCell scope="row">
                  {/* How many peers the row counts, as its old name said ("10 gemeenten van vergelijkbare omvang"). */}
                  {figures.groep.code === PEER_GROUP ? `${figures.groep.naam} (${comparison.data.vergelijkbaar.length})` : figures.groep.naam}
                </TableHeaderCell>
                <TableCell>{percentText(figures.aandeelGeimplementeerd)}</TableCell>
                <TableCell>{percentText(figures.cellen ? figures.risico / figures.cellen : null)}</TableCell>
                <TableCell>{percentText(figures.cellen ? figures.teLaat / figures.cellen : null)}</TableCell>
                <TableCell>{percentText(figures.tekort)}</TableCell>
                <TableCell>
                  {figures.gemiddeldeAchterstandDagen === null
                    ? '–'
                    : `${figures.gemiddeldeAchterstandDagen.toLocaleString('nl-NL')} dagen`}
                </TableCell>
              </TableRow>
            ))}
          </DataTable>
          <Paragraph className="spoorboek-muted">
            Percentages van alle combinaties van gemeente en maatregel in de groep. Tekort: deel van de maatregelen die al
            gelden maar nog niet geïmplementeerd zijn.
          </Paragraph>
          <ProvenanceNote herkomst={comparison.data.herkomst} subject={`de vergelijking van ${comparison.data.gemeente.naam}`} />
        </>
      )}
    </section>
  );
}
