import { lazy } from 'react';
import { Route } from 'react-router-dom';

const RegionRoute = lazy(() => import('./RegionRoute'));

/** The region pages: a province or labour-market region with its municipalities ranked. Called, not rendered: Routes reads its children. */
export function regionRoutes() {
  return (
    <>
      <Route path="provincies/:code" element={<RegionRoute kind="provincie" />} />
      <Route path="arbeidsmarktregios/:code" element={<RegionRoute kind="arbeidsmarktregio" />} />
    </>
  );
}
