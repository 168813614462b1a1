import { lazy } from 'react';
import { Route } from 'react-router-dom';

import { RequireAuth } from '../auth/RequireAuth';

// The agenda and a meeting's page are public; Mijn bijeenkomsten is a signed-in person's; the
// pages behind the mails' links work without logging in. All load on demand.
const AgendaPage = lazy(() => import('./AgendaPage'));
const MeetingPage = lazy(() => import('./MeetingPage'));
const MyMeetingsPage = lazy(() => import('./MyMeetingsPage'));
const CancelByLinkPage = lazy(() => import('./CancelByLinkPage'));
const RatingByLinkPage = lazy(() => import('./RatingByLinkPage'));

/** The meeting routes for visitors and contacts, as children of the shell's route (called, not rendered). */
export function meetingRoutes() {
  return (
    <>
      <Route path="bijeenkomsten">
        <Route index element={<AgendaPage />} />
        <Route path=":id" element={<MeetingPage />} />
      </Route>
      <Route
        path="mijn-bijeenkomsten"
        element={
          <RequireAuth>
            <MyMeetingsPage />
          </RequireAuth>
        }
      />
      <Route path="aanmelding-annuleren" element={<CancelByLinkPage />} />
      <Route path="bijeenkomst-beoordelen" element={<RatingByLinkPage />} />
    </>
  );
}
