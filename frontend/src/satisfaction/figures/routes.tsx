import { lazy } from 'react';
import { Route } from 'react-router-dom';

import { RequireAuth } from '../../auth/RequireAuth';
import { EDITOR_ROLES } from '../../auth/session';

// The team's satisfaction figures, loaded on demand (the public block is on the dashboard).
const SatisfactionFiguresPage = lazy(() => import('./FiguresPage'));

/** The figures' route, as a child of the shell's route (called, not rendered: Routes reads its children). */
export function satisfactionFigureRoutes() {
  return (
    <Route
      path="tevredenheid"
      element={
        <RequireAuth requiredRole={EDITOR_ROLES}>
          <SatisfactionFiguresPage />
        </RequireAuth>
      }
    />
  );
}
