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
import { useWaves } from '../measures/queries';
import { useWaveComparisons } from '../progress/api';
import { ComparisonSection } from '../progress/ComparisonSection';
import { DataTable } from '../shared/DataTable';
import { percentText } from '../progress/labels';
import { ChartSection } from '../shared/ChartSection';
import { DutchDate } from '../shared/DutchDate';
import { FactList } from '../shared/FactList';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { LastReported, MunicipalitySeriesSection } from './MunicipalitySeries';
import { publicMunicipalityPath } from './paths';
import { compareWave, type WaveComparison } from './waveComparison';

type Municipality = components['schemas']['MunicipalityRead'];

const MUNICIPALITY_CODE = /^GM\d{4}$/;

function useMunicipality(code: string) {
  return useQuery({
    queryKey: ['gemeenten', code],
    queryFn: ({ signal }): Promise<Municipality> => unwrap(apiClient.GET('/gemeenten/{code}', { params: { path: { code } }, signal })),
  });
}

/** A wave's small bar chart: the municipality first, then the groups it is compared with. */
function WaveBars({ wave }: { wave: WaveComparison }) {
  return (
    <ul className="spoorboek-compare">
      {wave.values.map((entry) => (
        <li key={entry.code} className={`spoorboek-compare__row${entry.self ? ' spoorboek-compare__row--self' : ''}`}>
          <span>{entry.label}</span>
          <span className="spoorboek-compare__track" aria-hidden="true">
            <span className="spoorboek-compare__bar" style={{ inlineSize: `${(entry.value ?? 0) * 100}%` }} />
          </span>
          <span>{percentText(entry.value)}</span>
        </li>
      ))}
    </ul>
  );
}

function WaveTable({ wave }: { wave: WaveComparison }) {
  return (
    <DataTable
      id={`fase-${wave.wave}-tabel`}
      caption={`${wave.name}: aandeel geïmplementeerd of geëvalueerd per groep`}
      columns={['Groep', 'Geïmplementeerd of geëvalueerd']}
    >
      {wave.values.map((entry) => (
        <TableRow key={entry.code}>
          <TableHeaderCell scope="row">{entry.label}</TableHeaderCell>
          <TableCell>{percentText(entry.value)}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

/**
 * Per wave the comparison the server works out over that wave's measures (one request per
 * wave), each chart with its own table, source and CSV.
 */
function ProgressPerWave({ municipality }: { municipality: Municipality }) {
  const waves = useWaves();
  const waveList = waves.data ?? [];
  const comparisons = useWaveComparisons(
    municipality.code,
    waveList.map((wave) => wave.nummer),
  );
  const all = [waves, ...comparisons];
  const failed = all.find((query) => query.isError);
  const loading = all.some((query) => query.isPending);
  const compared = waveList.flatMap((wave, index) => {
    const data = comparisons[index]?.data;
    return data ? [compareWave(wave, data)] : [];
  });

  return (
    <section aria-labelledby="per-fase-kop" className="spoorboek-chart">
      <Heading level={2} id="per-fase-kop">
        Voortgang per fase
      </Heading>
      <Paragraph>
        Het deel van de maatregelen dat {municipality.naam} geïmplementeerd of geëvalueerd heeft, per fase, naast
        gemeenten van vergelijkbare omvang, de provincie, de arbeidsmarktregio en heel Nederland.
      </Paragraph>
      <StatusMessage>{loading ? 'Voortgang per fase laden…' : ''}</StatusMessage>
      {failed && <ErrorAlert error={failed.error} onRetry={() => all.filter((query) => query.isError).forEach((query) => void query.refetch())} />}
      {waves.isSuccess && waveList.length === 0 && <Paragraph>Er zijn nog geen fasen vastgesteld.</Paragraph>}
      {compared.length > 0 && (
        <div className="spoorboek-columns">
          {compared.map((wave) => (
            <ChartSection
              key={wave.wave}
              id={`fase-${wave.wave}-kop`}
              level={3}
              title={wave.name}
              table={<WaveTable wave={wave} />}
              herkomst={wave.herkomst}
              csvSubject={`de vergelijking van ${municipality.naam} in fase ${wave.wave}`}
            >
              <WaveBars wave={wave} />
            </ChartSection>
          ))}
        </div>
      )}
    </section>
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
      <LastReported code={code} />
      <ProgressPerWave municipality={data} />
      <MunicipalitySeriesSection code={code} name={data.naam} />
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
