/** Roadmap editing for editors, with a preview of what a change would do. Called, not rendered: Routes reads its children. */
export function roadmapRoutes() {
  return <></>;
}
