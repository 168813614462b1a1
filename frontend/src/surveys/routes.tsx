import { lazy } from 'react';
import { Outlet, Route } from 'react-router-dom';

import { RequireAuth } from '../auth/RequireAuth';
import { EDITOR_ROLES } from '../auth/session';

// The rounds, questions and results are the team's; Mijn peilingen is a contact's; the form
// behind the mail's link works without logging in. All load on demand.
const RoundsPage = lazy(() => import('./RoundsPage'));
const RoundPage = lazy(() => import('./RoundPage'));
const ResultsPage = lazy(() => import('./ResultsPage'));
const QuestionsPage = lazy(() => import('./QuestionsPage'));
const MyRoundsPage = lazy(() => import('./MyRoundsPage'));
const MySurveyPage = lazy(() => import('./MySurveyPage'));
const SurveyByLinkPage = lazy(() => import('./SurveyByLinkPage'));

/** The survey routes, as children of the shell's route (called, not rendered: Routes reads its children). */
export function surveyRoutes() {
  return (
    <>
      <Route path="peiling" element={<SurveyByLinkPage />} />
      <Route
        path="peilingen"
        element={
          <RequireAuth requiredRole={EDITOR_ROLES}>
            <Outlet />
          </RequireAuth>
        }
      >
        <Route index element={<RoundsPage />} />
        <Route path="vragen" element={<QuestionsPage />} />
        <Route path=":id" element={<RoundPage />} />
        <Route path=":id/resultaten" element={<ResultsPage />} />
      </Route>
      <Route
        path="mijn-peilingen"
        element={
          <RequireAuth requiredRole="gemeente">
            <Outlet />
          </RequireAuth>
        }
      >
        <Route index element={<MyRoundsPage />} />
        <Route path=":id" element={<MySurveyPage />} />
      </Route>
    </>
  );
}
