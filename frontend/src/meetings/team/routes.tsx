import { lazy } from 'react';
import { Outlet, Route } from 'react-router-dom';

import { RequireAuth } from '../../auth/RequireAuth';
import { EDITOR_ROLES } from '../../auth/session';

// The team's screens of the meetings load on demand, apart from the public agenda.
const NewMeetingPage = lazy(() => import('./NewMeetingPage'));
const EditMeetingPage = lazy(() => import('./EditMeetingPage'));
const TeamPanelPage = lazy(() => import('./TeamPanelPage'));
const ReachPage = lazy(() => import('./ReachPage'));

/**
 * The programme team's meeting routes, as children of the shell's route (called, not rendered).
 * A meeting's organiser is a team member, so the team's roles cover her too; the API decides.
 */
export function meetingTeamRoutes() {
  return (
    <Route
      path="bijeenkomsten"
      element={
        <RequireAuth requiredRole={EDITOR_ROLES}>
          <Outlet />
        </RequireAuth>
      }
    >
      <Route path="nieuw" element={<NewMeetingPage />} />
      <Route path="bereik" element={<ReachPage />} />
      <Route path=":id/bewerken" element={<EditMeetingPage />} />
      <Route path=":id/beheer" element={<TeamPanelPage />} />
    </Route>
  );
}
