import { Alert, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';

import { AppLink, ButtonAppLink } from '../../app/AppLink';
import { FactList } from '../../shared/FactList';
import { AUDIENCE_LABELS, KIND_LABELS, STATUS_LABELS } from '../labels';
import { formatMeetingTime, whereText } from '../logic';
import { AGENDA_PATH, meetingPath } from '../paths';
import { AfterwardsSection } from './AfterwardsSection';
import { CheckInSection } from './CheckInSection';
import { InviteSection } from './InviteSection';
import { MaterialsSection } from './MaterialsSection';
import { MeetingHistory } from './MeetingHistory';
import { MeetingLoader } from '../MeetingLoader';
import { editMeetingPath } from './paths';
import { QuestionsSection } from './QuestionsSection';
import { placesSummary, RegistrationsSection } from './RegistrationsSection';
import { SlotsSection } from './SlotsSection';
import type { MeetingDetail } from './types';
import './team.css';

function Panel({ meeting }: { meeting: MeetingDetail }) {
  const cancelled = meeting.status === 'geannuleerd';
  const over = meeting.status === 'afgelopen';
  return (
    <div className="spoorboek-team-panel">
      <title>{`Beheer: ${meeting.titel} – Bijeenkomsten – Spoorboek`}</title>
      <Paragraph className="spoorboek-no-print">
        <AppLink to={AGENDA_PATH}>Terug naar de agenda</AppLink>
      </Paragraph>
      <Heading level={1}>{meeting.titel}</Heading>
      <div className="spoorboek-panel-facts">
        {cancelled && (
          <Alert type="warning">
            <Paragraph>Deze bijeenkomst is geannuleerd{meeting.redenAnnulering ? `: ${meeting.redenAnnulering}` : '.'}</Paragraph>
          </Alert>
        )}
        <FactList
          facts={[
            ['Soort', KIND_LABELS[meeting.soort]],
            ['Wanneer', formatMeetingTime(meeting.begin, meeting.einde)],
            ['Waar', whereText(meeting)],
            ['Doelgroep', AUDIENCE_LABELS[meeting.doelgroep]],
            ['Status', STATUS_LABELS[meeting.status]],
            ['Plaatsen', placesSummary(meeting.plaatsen)],
            ['Organisator', meeting.organisator?.naam ?? 'Niet gekozen'],
            ['Maatregelen', meeting.maatregelen.length ? meeting.maatregelen.map((m) => `${m.code} ${m.naam}`).join('; ') : 'Geen'],
          ]}
        />
        <ButtonGroup className="spoorboek-no-print">
          {!cancelled && <ButtonAppLink to={editMeetingPath(meeting.id)}>Bewerken of annuleren</ButtonAppLink>}
          <ButtonAppLink to={meetingPath(meeting.id)} appearance="secondary-action">
            Pagina van de bijeenkomst
          </ButtonAppLink>
        </ButtonGroup>
      </div>
      <RegistrationsSection id={meeting.id} />
      {!cancelled && <CheckInSection meeting={meeting} />}
      {meeting.soort === 'spreekuur' && <SlotsSection meeting={meeting} />}
      {!cancelled && <MaterialsSection meeting={meeting} />}
      <QuestionsSection meeting={meeting} />
      {!cancelled && !over && <InviteSection meeting={meeting} />}
      <AfterwardsSection meeting={meeting} />
      <MeetingHistory id={meeting.id} />
    </div>
  );
}

/** /bijeenkomsten/:id/beheer: everything the team does with one meeting. */
export default function TeamPanelPage() {
  return <MeetingLoader>{(meeting) => <Panel meeting={meeting} />}</MeetingLoader>;
}
