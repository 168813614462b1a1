/** The region pages: a province or labour-market region with its municipalities ranked. Called, not rendered: Routes reads its children. */
export function regionRoutes() {
  return <></>;
}
