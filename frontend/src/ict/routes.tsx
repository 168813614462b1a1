/** The ICT readiness routes: suppliers, applications and their readiness, who waits on what. Called, not rendered: Routes reads its children. */
export function ictRoutes() {
  return <></>;
}
