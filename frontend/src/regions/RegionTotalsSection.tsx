import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

import { AppLink } from '../app/AppLink';
import { useOverview } from '../dashboard/api';
import { changeHeading, shareChangeCell } from '../dashboard/change';
import type { OverviewGroup } from '../dashboard/types';
import { percentText } from '../progress/labels';
import { DataTable } from '../shared/DataTable';
import { ErrorAlert } from '../shared/ErrorAlert';
import { ProvenanceNote } from '../shared/Provenance';
import { StatusMessage } from '../shared/StatusMessage';
import { REGION_COLLECTIONS, regionPath } from './paths';
import type { RegionKind } from './types';

type Group = OverviewGroup;

const byName = (a: Group, b: Group) => a.groep.naam.localeCompare(b.groep.naam, 'nl');

const TITLES: Record<RegionKind, string> = {
  provincie: 'Per provincie',
  arbeidsmarktregio: 'Per arbeidsmarktregio',
};

function RegionTotals({ kind }: { kind: RegionKind }) {
  const overview = useOverview({ groep: kind });
  const id = `${REGION_COLLECTIONS[kind]}-totalen`;
  const groups: Group[] = overview.data?.groepen ?? [];
  return (
    <section aria-labelledby={`${id}-kop`}>
      <Heading level={3} id={`${id}-kop`}>
        {TITLES[kind]}
      </Heading>
      <StatusMessage>{overview.isPending ? `${TITLES[kind]} laden…` : ''}</StatusMessage>
      {overview.isError && <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.data && (
        <>
          <DataTable
            id={`${id}-tabel`}
            caption={`Voortgang ${TITLES[kind].toLowerCase()} (${overview.data.groepen.length})`}
            columns={[
              kind === 'provincie' ? 'Provincie' : 'Arbeidsmarktregio',
              'Geïmplementeerd',
              changeHeading(groups),
              'Tekort',
              'Te laat',
            ]}
          >
            {[...groups].sort(byName).map((group) => (
              <TableRow key={group.groep.code}>
                <TableHeaderCell scope="row">
                  <AppLink to={regionPath(kind, group.groep.code)}>{group.groep.naam}</AppLink>
                </TableHeaderCell>
                <TableCell>{percentText(group.aandeelGeimplementeerd)}</TableCell>
                <TableCell>{shareChangeCell(group)}</TableCell>
                <TableCell>{percentText(group.tekort)}</TableCell>
                <TableCell>{group.teLaat.toLocaleString('nl-NL')}</TableCell>
              </TableRow>
            ))}
          </DataTable>
          {overview.data.herkomst && (
            <ProvenanceNote herkomst={overview.data.herkomst} subject={`de voortgang ${TITLES[kind].toLowerCase()}`} />
          )}
        </>
      )}
    </section>
  );
}

/** On the dashboard: totals per province and labour-market region, with their tables. */
export function RegionTotalsSection() {
  return (
    <section aria-labelledby="regio-totalen-kop" className="spoorboek-section">
      <Heading level={2} id="regio-totalen-kop">
        Voortgang per provincie en arbeidsmarktregio
      </Heading>
      <Paragraph>
        Het deel van de maatregelen dat de gemeenten samen geïmplementeerd of geëvalueerd hebben, het
        implementatietekort en het aantal maatregelen dat te laat is. Elke naam opent de pagina met de gemeenten op
        volgorde; op de <AppLink to="/kaart?niveau=provincie">kaart</AppLink> staan dezelfde cijfers.
      </Paragraph>
      <div className="spoorboek-columns">
        <RegionTotals kind="provincie" />
        <RegionTotals kind="arbeidsmarktregio" />
      </div>
    </section>
  );
}
