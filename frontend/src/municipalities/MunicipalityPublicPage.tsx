import {
  Heading,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';

import type { components } from '../api/schema';
import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import { AppLink } from '../app/AppLink';
import { NotFoundPage } from '../app/NotFoundPage';
import { useOverview, useOverviews } from '../dashboard/api';
import { useMapValuesList } from '../map/api';
import { useWaves } from '../measures/queries';
import { useComparison } from '../progress/api';
import { ComparisonSection } from '../progress/ComparisonSection';
import { DataTable } from '../progress/DataTable';
import { percentText } from '../progress/labels';
import { ChartSection } from '../shared/ChartSection';
import { DutchDate } from '../shared/DutchDate';
import { FactList } from '../shared/FactList';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { publicMunicipalityPath } from './paths';
import { compareWaves, type WaveComparison } from './waveComparison';

type Municipality = components['schemas']['MunicipalityRead'];

const MUNICIPALITY_CODE = /^GM\d{4}$/;

function useMunicipality(code: string) {
  return useQuery({
    queryKey: ['gemeenten', code],
    queryFn: ({ signal }): Promise<Municipality> => unwrap(apiClient.GET('/gemeenten/{code}', { params: { path: { code } }, signal })),
  });
}

/** One small bar chart per wave: the municipality first, then the groups it is compared with. */
function WaveBars({ waves }: { waves: WaveComparison[] }) {
  return (
    <div className="spoorboek-columns">
      {waves.map((wave) => (
        <div key={wave.wave}>
          <Heading level={3}>{wave.name}</Heading>
          <ul className="spoorboek-compare">
            {wave.values.map((entry) => (
              <li key={entry.label} className={`spoorboek-compare__row${entry.self ? ' spoorboek-compare__row--self' : ''}`}>
                <span>{entry.label}</span>
                <span className="spoorboek-compare__track" aria-hidden="true">
                  <span className="spoorboek-compare__bar" style={{ inlineSize: `${(entry.value ?? 0) * 100}%` }} />
                </span>
                <span>{percentText(entry.value)}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function WaveTable({ waves }: { waves: WaveComparison[] }) {
  const labels = waves[0]?.values.map((entry) => entry.label) ?? [];
  return (
    <DataTable id="per-fase-tabel" caption="Aandeel geïmplementeerd of geëvalueerd per fase" columns={['Fase', ...labels]}>
      {waves.map((wave) => (
        <TableRow key={wave.wave}>
          <TableHeaderCell scope="row">{wave.name}</TableHeaderCell>
          {wave.values.map((entry) => (
            <TableCell key={entry.label}>{percentText(entry.value)}</TableCell>
          ))}
        </TableRow>
      ))}
    </DataTable>
  );
}

function ProgressPerWave({ municipality }: { municipality: Municipality }) {
  const waves = useWaves();
  const comparison = useComparison(municipality.code);
  const waveList = waves.data ?? [];
  const values = useMapValuesList(waveList.map((wave) => ({ indicator: 'aandeel-geimplementeerd', fase: wave.nummer })));
  const provinces = useOverviews(waveList.map((wave) => ({ groep: 'provincie', fase: wave.nummer })));
  const regions = useOverviews(waveList.map((wave) => ({ groep: 'arbeidsmarktregio', fase: wave.nummer })));
  const country = useOverview({ groep: 'fase' });
  const all = [waves, comparison, country, ...values, ...provinces, ...regions];
  const failed = all.find((query) => query.isError);
  const loading = all.some((query) => query.isPending);

  const compared =
    comparison.data && !loading
      ? compareWaves(
          {
            code: municipality.code,
            name: municipality.naam,
            province: municipality.provincie,
            region: municipality.arbeidsmarktregio,
            peers: comparison.data.vergelijkbaar.map((peer) => peer.code),
          },
          waveList.map((wave, index) => ({
            wave,
            municipalities: values[index]?.data,
            provinces: provinces[index]?.data,
            regions: regions[index]?.data,
          })),
          country.data,
        )
      : null;

  return (
    <ChartSection
      id="per-fase-kop"
      title="Voortgang per fase"
      intro={
        <Paragraph>
          Het deel van de maatregelen dat {municipality.naam} geïmplementeerd of geëvalueerd heeft, per fase, naast
          gemeenten van vergelijkbare omvang, de provincie, de arbeidsmarktregio en heel Nederland.
        </Paragraph>
      }
      table={compared && <WaveTable waves={compared} />}
      herkomst={comparison.data?.herkomst}
      csvSubject={`de vergelijking van ${municipality.naam}`}
    >
      <StatusMessage>{loading ? 'Voortgang laden…' : ''}</StatusMessage>
      {failed && <ErrorAlert error={failed.error} onRetry={() => all.filter((query) => query.isError).forEach((query) => void query.refetch())} />}
      {compared && <WaveBars waves={compared} />}
    </ChartSection>
  );
}

function MunicipalityContent({ code }: { code: string }) {
  const municipality = useMunicipality(code);
  if (!municipality.data) {
    return (
      <>
        <title>{`Gemeente ${code} – Spoorboek`}</title>
        <Heading level={1}>Gemeente {code}</Heading>
        <StatusMessage>{municipality.isPending ? 'Gemeente laden…' : ''}</StatusMessage>
        {municipality.isError && <ErrorAlert error={municipality.error} onRetry={() => void municipality.refetch()} />}
      </>
    );
  }
  const data = municipality.data;
  return (
    <>
      <title>{`${data.naam}: voortgang – Spoorboek`}</title>
      <Heading level={1}>{data.naam}</Heading>
      <Paragraph appearance="lead">
        Hoe ver {data.naam} is met de invoering van Participatiewet in balans, vergeleken met andere gemeenten. De
        gemeente geeft haar voortgang zelf door.
      </Paragraph>
      <FactList
        facts={[
          ['Provincie', data.provincie.naam],
          ['Arbeidsmarktregio', data.arbeidsmarktregio.naam],
          [
            'Inwoners',
            <>
              {data.inwoners.toLocaleString('nl-NL')} (op <DutchDate value={data.peildatumInwoners} />)
            </>,
          ],
        ]}
      />
      <ProgressPerWave municipality={data} />
      <ComparisonSection code={code} linkPeers peerPath={publicMunicipalityPath} />
      <Paragraph className="spoorboek-section">
        <AppLink to="/kaart">Naar de kaart van alle gemeenten</AppLink>
      </Paragraph>
    </>
  );
}

/** /gemeenten/:code: a municipality's public figures (aggregates only; no notes). */
export default function MunicipalityPublicPage() {
  const { code = '' } = useParams();
  if (!MUNICIPALITY_CODE.test(code)) return <NotFoundPage />;
  return <MunicipalityContent key={code} code={code} />;
}
