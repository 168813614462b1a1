import { useQuery } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';

import { unwrap } from '../api/call';
import { apiClient } from '../api/client';
import { isEditor, useCurrentUser } from '../auth/session';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { progressKeys } from './api';
import { chanceWords, percentText } from './forecast';
import type { CellForecastData } from './types';

function fetchCellForecast(code: string, maatregel: string, signal?: AbortSignal): Promise<CellForecastData> {
  return unwrap(
    apiClient.GET('/gemeenten/{code}/voortgang/{maatregel}/prognose', { params: { path: { code, maatregel } }, signal }),
  );
}

/** On a cell's page, for the programme team: the forecast chance that the measure will not be implemented by its legal date, and why. */
export function CellForecast({ code, measure }: { code: string; measure: string }) {
  const team = isEditor(useCurrentUser());
  const forecast = useQuery({
    queryKey: [...progressKeys.cell(code, measure), 'prognose'],
    queryFn: ({ signal }) => fetchCellForecast(code, measure, signal),
    enabled: team,
  });
  if (!team) return null;
  return (
    <section aria-labelledby="prognose-kop" className="spoorboek-section">
      <Heading level={2} id="prognose-kop">
        Prognose
      </Heading>
      {forecast.isPending && <StatusMessage>Prognose laden…</StatusMessage>}
      {forecast.isError && <ErrorAlert error={forecast.error} onRetry={() => void forecast.refetch()} />}
      {forecast.data && (
        <>
          <Paragraph>
            <strong>Kans dat dit niet op tijd af is: {percentText(forecast.data.kans)}</strong> ({chanceWords(forecast.data.kans)}).
          </Paragraph>
          <Paragraph>{forecast.data.toelichting}</Paragraph>
          <details>
            <summary>Hoe deze kans berekend wordt</summary>
            <Paragraph>
              Spoorboek kijkt in de geschiedenis van alle gemeenten en maatregelen hoe lang een gemeente in elke fase bleef
              voordat ze een fase verder kwam: apart voor wie op schema lag, risico liep of te laat was volgens de routekaart,
              en voor wie de ingangsdatum al voorbij was. Met dat tempo rekent Spoorboek dag voor dag door, van vandaag tot
              de ingangsdatum, en neemt daarbij aan dat de stappen die nu openstaan open blijven. Waar weinig geschiedenis is,
              telt een voorzichtige aanname mee (gemiddeld 120 dagen per fase). Het is een schatting uit wat er eerder
              gebeurde, geen oordeel over deze gemeente. Hoe goed de schatting klopte, staat in de toetsing van drie maanden
              geleden (in de API: <code>/api/v1/voortgang/prognose/toetsing</code>).
            </Paragraph>
          </details>
        </>
      )}
    </section>
  );
}
