import { lazy } from 'react';
import { Outlet, Route } from 'react-router-dom';

import { RequireAuth } from '../../auth/RequireAuth';
import { EDITOR_ROLES } from '../../auth/session';

// The editors' screens load on demand, apart from the public nieuwsbrief pages.
const EditionsPage = lazy(() => import('./EditionsPage'));
const EditionPage = lazy(() => import('./EditionPage'));

/** The nieuwsbrief's routes for editors, as children of the shell's route (called, not
 * rendered): the editions and the composer of one. */
export function newsletterTeamRoutes() {
  return (
    <Route
      path="nieuwsbrief/edities"
      element={
        <RequireAuth requiredRole={EDITOR_ROLES}>
          <Outlet />
        </RequireAuth>
      }
    >
      <Route index element={<EditionsPage />} />
      <Route path=":id" element={<EditionPage />} />
    </Route>
  );
}
