import { lazy } from 'react';
import { Outlet, Route } from 'react-router-dom';

import { RequireAuth } from '../auth/RequireAuth';
import { EDITOR_ROLES, type Role } from '../auth/session';

// The register and its views are the team's; reporting and a signal's page are also for
// municipal contacts and experts (the API decides whose signal one may see); the public register
// is for everyone. All load on demand.
const RegisterPage = lazy(() => import('./RegisterPage'));
const BlockersPage = lazy(() => import('./BlockersPage'));
const SuggestionsPage = lazy(() => import('./SuggestionsPage'));
const SteeringReportPage = lazy(() => import('./SteeringReportPage'));
const ReportSignalPage = lazy(() => import('./ReportSignalPage'));
const SignalPage = lazy(() => import('./SignalPage'));
const MySignalsPage = lazy(() => import('./MySignalsPage'));
const PublicSignalsPage = lazy(() => import('./PublicSignalsPage'));
const PublicSignalPage = lazy(() => import('./PublicSignalPage'));

/** Who may report a signal and open one: municipal contacts, experts and the team. */
const REPORTER_ROLES: readonly Role[] = ['gemeente', 'expert', ...EDITOR_ROLES];

/** The signal routes, as children of the shell's route (called, not rendered: Routes reads its children). */
export function signalRoutes() {
  return (
    <>
      <Route path="signalen">
        <Route
          element={
            <RequireAuth requiredRole={EDITOR_ROLES}>
              <Outlet />
            </RequireAuth>
          }
        >
          <Route index element={<RegisterPage />} />
          <Route path="knelpunten" element={<BlockersPage />} />
          <Route path="suggesties" element={<SuggestionsPage />} />
          <Route path="rapportage" element={<SteeringReportPage />} />
        </Route>
        <Route
          element={
            <RequireAuth requiredRole={REPORTER_ROLES}>
              <Outlet />
            </RequireAuth>
          }
        >
          <Route path="melden" element={<ReportSignalPage />} />
          <Route path=":id" element={<SignalPage />} />
        </Route>
      </Route>
      <Route
        path="mijn-signalen"
        element={
          <RequireAuth requiredRole="gemeente">
            <MySignalsPage />
          </RequireAuth>
        }
      />
      <Route path="openbare-signalen">
        <Route index element={<PublicSignalsPage />} />
        <Route path=":id" element={<PublicSignalPage />} />
      </Route>
    </>
  );
}
