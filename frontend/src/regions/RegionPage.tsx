import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

import { AppLink } from '../app/AppLink';
import { NotFoundPage } from '../app/NotFoundPage';
import { figureChangeText, type MaybeChanged } from '../dashboard/change';
import type { FigureChange } from '../dashboard/types';
import { publicMunicipalityPath } from '../municipalities/paths';
import { percentText } from '../progress/labels';
import { DataTable } from '../shared/DataTable';
import { ErrorAlert } from '../shared/ErrorAlert';
import { FactList } from '../shared/FactList';
import { ProvenanceNote } from '../shared/Provenance';
import { StatusMessage } from '../shared/StatusMessage';
import { useRegionProgress } from './api';
import { REGION_CODES, regionTitle } from './paths';
import type { RegionKind, RegionProgress } from './types';

const count = (value: number) => value.toLocaleString('nl-NL');

/** A figure with its change since the end of last month beside it, when the region has one. */
function withChange(value: string, figures: MaybeChanged, pick: (change: FigureChange) => number | null, unit = '') {
  const change = figureChangeText(figures, pick, unit);
  return change ? `${value} (${change})` : value;
}

function RankedTable({ kind, region }: { kind: RegionKind; region: RegionProgress }) {
  const title = regionTitle(kind, region.regio.naam);
  return (
    <section aria-labelledby="gemeenten-kop" className="spoorboek-section">
      <Heading level={2} id="gemeenten-kop">
        Gemeenten op volgorde
      </Heading>
      <Paragraph>
        Het hoogste aandeel geïmplementeerde of geëvalueerde maatregelen eerst. Per gemeente het aantal maatregelen
        per verkeerslicht.
      </Paragraph>
      <DataTable
        id="gemeenten-tabel"
        caption={`De ${region.gemeenten.length} gemeenten van ${title}, op volgorde van aandeel geïmplementeerd`}
        columns={['Plaats', 'Gemeente', 'Geïmplementeerd', 'Tekort', 'Op schema', 'Risico', 'Te laat']}
      >
        {region.gemeenten.map((row) => (
          <TableRow key={row.gemeente.code}>
            <TableCell>{row.rang}</TableCell>
            <TableHeaderCell scope="row">
              <AppLink to={publicMunicipalityPath(row.gemeente.code)}>{row.gemeente.naam}</AppLink>
            </TableHeaderCell>
            <TableCell>{percentText(row.aandeelGeimplementeerd)}</TableCell>
            <TableCell>{percentText(row.tekort)}</TableCell>
            <TableCell>{count(row.verkeerslichten['op-schema'] ?? 0)}</TableCell>
            <TableCell>{count(row.verkeerslichten.risico ?? 0)}</TableCell>
            <TableCell>{count(row.verkeerslichten['te-laat'] ?? 0)}</TableCell>
          </TableRow>
        ))}
      </DataTable>
      <ProvenanceNote herkomst={region.herkomst} subject={`de cijfers per gemeente van ${title}`} />
    </section>
  );
}

function RegionContent({ kind, code }: { kind: RegionKind; code: string }) {
  const region = useRegionProgress(kind, code);
  if (!region.data) {
    const title = regionTitle(kind, code);
    return (
      <>
        <title>{`${title} – Spoorboek`}</title>
        <Heading level={1}>{title}</Heading>
        <StatusMessage>{region.isPending ? 'Regio laden…' : ''}</StatusMessage>
        {region.isError && <ErrorAlert error={region.error} onRetry={() => void region.refetch()} />}
      </>
    );
  }
  const data = region.data;
  const title = regionTitle(kind, data.regio.naam);
  const figures = data.cijfers;
  return (
    <>
      <title>{`${title}: voortgang – Spoorboek`}</title>
      <Heading level={1}>{title}</Heading>
      <Paragraph appearance="lead">
        Hoe ver de gemeenten van {title.charAt(0).toLowerCase() + title.slice(1)} zijn met de invoering van
        Participatiewet in balans. Elke gemeente geeft haar voortgang zelf door.
      </Paragraph>
      <FactList
        facts={[
          ['Gemeenten', count(data.gemeenten.length)],
          [
            'Geïmplementeerd of geëvalueerd',
            withChange(percentText(figures.aandeelGeimplementeerd), figures, (c) => c.aandeelGeimplementeerd, 'procentpunt'),
          ],
          ['Implementatietekort', withChange(percentText(figures.tekort), figures, (c) => c.tekort, 'procentpunt')],
          ['Maatregelen met risico', withChange(count(figures.risico), figures, (c) => c.risico)],
          ['Maatregelen te laat', withChange(count(figures.teLaat), figures, (c) => c.teLaat)],
        ]}
      />
      <RankedTable kind={kind} region={data} />
      <Paragraph className="spoorboek-section">
        <AppLink to={`/kaart?niveau=${kind}`}>Naar de kaart per {kind}</AppLink>
      </Paragraph>
    </>
  );
}

/** /provincies/:code and /arbeidsmarktregios/:code: a region's public figures and its municipalities ranked. */
export function RegionPage({ kind, code }: { kind: RegionKind; code: string }) {
  if (!REGION_CODES[kind].test(code)) return <NotFoundPage />;
  return <RegionContent key={code} kind={kind} code={code} />;
}
