import { lazy } from 'react';
import { Outlet, Route } from 'react-router-dom';

import { RequireAuth } from '../auth/RequireAuth';
import { EDITOR_ROLES, type Role } from '../auth/session';

// The team's screens, loaded on demand. A municipality's own software is on its progress page
// (MunicipalityIctSection), the public figures on the dashboard (IctFiguresSection).
const SuppliersPage = lazy(() => import('./SuppliersPage'));
const SupplierPage = lazy(() => import('./SupplierPage'));
const ApplicationPage = lazy(() => import('./ApplicationPage'));
const MeasuresPage = lazy(() => import('./MeasuresPage'));
const MeasurePage = lazy(() => import('./MeasurePage'));
const ImportPage = lazy(() => import('./ImportPage'));
const UsageHistoryPage = lazy(() => import('./UsageHistoryPage'));

// As a municipality's progress page: its contacts and the team; the API answers 404 for another's.
const MUNICIPALITY_ROLES: readonly Role[] = ['gemeente', ...EDITOR_ROLES];

/** The ICT readiness routes: suppliers, applications and their readiness, who waits on what. Called, not rendered: Routes reads its children. */
export function ictRoutes() {
  return (
    <Route path="ict">
      <Route
        element={
          <RequireAuth requiredRole={EDITOR_ROLES}>
            <Outlet />
          </RequireAuth>
        }
      >
        <Route path="leveranciers" element={<SuppliersPage />} />
        <Route path="leveranciers/:code" element={<SupplierPage />} />
        <Route path="applicaties/:id" element={<ApplicationPage />} />
        <Route path="maatregelen" element={<MeasuresPage />} />
        <Route path="maatregelen/:code" element={<MeasurePage />} />
        <Route path="import" element={<ImportPage />} />
      </Route>
      <Route
        element={
          <RequireAuth requiredRole={MUNICIPALITY_ROLES}>
            <Outlet />
          </RequireAuth>
        }
      >
        <Route path="gemeenten/:code/historie" element={<UsageHistoryPage />} />
      </Route>
    </Route>
  );
}
