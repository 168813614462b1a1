import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

import { useThemes } from '../progress/api';
import { DutchDateTime } from '../shared/DutchDateTime';
import { DutchDay } from '../shared/DutchDay';
import { FactList } from '../shared/FactList';
import { bodyLabel, daysText, kindLabel, OUTCOME_LABELS, reachText, REPORTER_LABELS, statusLabel } from './labels';
import { isClosed } from './lifecycle';
import type { Body, Reach, SignalRead, SignalResponse, SignalStatus } from './types';

function measuresText(measures: { code: string; naam: string }[]): string {
  return measures.length > 0 ? measures.map((measure) => `${measure.code} ${measure.naam}`).join('; ') : 'Geen bepaalde maatregel';
}

/** Where the signal stands: status, kind, what it is about, who reported it, its reach. */
export function SignalFacts({ signal, team }: { signal: SignalRead; team: boolean }) {
  const themes = useThemes();
  const themeName = (code: string) => themes.data?.find((theme) => theme.code === code)?.naam ?? code;
  const reporter = [REPORTER_LABELS[signal.melderSoort], signal.gemeente?.naam, team ? signal.melder?.naam : undefined]
    .filter(Boolean)
    .join(', ');
  const facts: [string, ReactNode][] = [
    ['Status', statusLabel(signal.status)],
    ['Soort', kindLabel(signal.soort)],
    ['Maatregelen', measuresText(signal.maatregelen)],
  ];
  if (signal.leverancier) facts.push(['Leverancier', signal.leverancier.naam]);
  if (signal.themas.length > 0) facts.push(['Thema’s', signal.themas.map(themeName).join(', ')]);
  facts.push(
    ['Gemeld door', reporter],
    [
      'Gemeld op',
      <>
        <DutchDay value={signal.aangemaaktOp} /> (
        {isClosed(signal.status) ? `afgerond na ${daysText(signal.leeftijdDagen)}` : `${daysText(signal.leeftijdDagen)} geleden`})
      </>,
    ],
    ['Bereik', reachText(signal.bereik)],
  );
  if (team) facts.push(['Openbaar', signal.openbaar ? 'Ja, in het openbare register' : 'Nee']);
  if (signal.doorgezet) {
    facts.push([
      'Doorgezet aan',
      <>
        {bodyLabel(signal.doorgezet.aan)}, op <DutchDay value={signal.doorgezet.op} />
        {signal.doorgezet.door && ` door ${signal.doorgezet.door.naam}`}
      </>,
    ]);
  }
  return <FactList facts={facts} />;
}

/** What came back from those who can change it, and what it changes. */
export function ResponseSection({ response, status, passedTo }: { response: SignalResponse | null; status: SignalStatus; passedTo: Body | null }) {
  return (
    <section aria-labelledby="reactie-kop" className="spoorboek-section spoorboek-answer">
      <Heading level={2} id="reactie-kop">
        Reactie
      </Heading>
      {response ? (
        <>
          <Paragraph className="spoorboek-text">{response.tekst}</Paragraph>
          <FactList
            facts={[
              ['Wat verandert er', OUTCOME_LABELS[response.uitkomst]],
              ...(response.toelichting ? ([['Toelichting', <span key="t" className="spoorboek-text">{response.toelichting}</span>]] as [string, ReactNode][]) : []),
              ['Ontvangen op', <DutchDateTime key="op" value={response.op} />],
            ]}
          />
        </>
      ) : (
        <Paragraph>
          {status === 'afgewezen'
            ? 'Dit signaal is niet doorgezet.'
            : passedTo
              ? `Doorgezet aan ${bodyLabel(passedTo)}; de reactie is er nog niet.`
              : 'Nog niet doorgezet; er is nog geen reactie.'}
        </Paragraph>
      )}
    </section>
  );
}

/** The reach in words for a public signal: how many municipalities are behind it. */
export function reachSentence(reach: Reach): string {
  if (reach.gemeenten === 0) return 'Nog geen gemeente herkent dit knelpunt.';
  return `${reach.gemeenten === 1 ? '1 gemeente herkent' : `${reach.gemeenten} gemeenten herkennen`} dit knelpunt.`;
}
