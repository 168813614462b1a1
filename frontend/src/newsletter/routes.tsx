/** The nieuwsbrief's routes for visitors and subscribers, as children of the shell's route
 * (called, not rendered). Filled in with the public screens. */
export function newsletterRoutes() {
  return <></>;
}
