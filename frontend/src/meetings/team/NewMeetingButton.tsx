import { ButtonGroup } from '@utrecht/component-library-react';

import { ButtonAppLink } from '../../app/AppLink';
import { isEditor, useCurrentUser } from '../../auth/session';
import { NEW_MEETING_PATH, REACH_PATH } from './paths';

/** The team's way in from the agenda: a new meeting, and the reach. Nothing for anyone else. */
export function NewMeetingButton() {
  if (!isEditor(useCurrentUser())) return null;
  return (
    <ButtonGroup>
      <ButtonAppLink to={NEW_MEETING_PATH}>Nieuwe bijeenkomst</ButtonAppLink>
      <ButtonAppLink to={REACH_PATH} appearance="secondary-action">
        Bereik
      </ButtonAppLink>
    </ButtonGroup>
  );
}
