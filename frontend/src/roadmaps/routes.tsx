import { lazy } from 'react';
import { Route } from 'react-router-dom';

import { RequireAuth } from '../auth/RequireAuth';
import { EDITOR_ROLES } from '../auth/session';

const RoadmapEditPage = lazy(() => import('./RoadmapEditPage'));

/** Roadmap editing for editors, with a preview of what a change would do. Called, not rendered: Routes reads its children. */
export function roadmapRoutes() {
  return (
    <Route
      path="maatregelen/:code/routekaart"
      element={
        <RequireAuth requiredRole={EDITOR_ROLES}>
          <RoadmapEditPage />
        </RequireAuth>
      }
    />
  );
}
