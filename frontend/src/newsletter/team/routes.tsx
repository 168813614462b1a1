/** The nieuwsbrief's routes for editors, as children of the shell's route (called, not
 * rendered). Filled in with the edition composer. */
export function newsletterTeamRoutes() {
  return <></>;
}
