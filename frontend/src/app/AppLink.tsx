import { Link as RouterLink, type LinkProps } from 'react-router-dom';

/**
 * A link inside the SPA: navigates without a page load (React Router), looks like an
 * NL Design System link (Utrecht's link classes, including its focus ring).
 */
export function AppLink({ className, ...props }: LinkProps) {
  const classes = ['utrecht-link', 'utrecht-link--html-a', className].filter(Boolean).join(' ');
  return <RouterLink className={classes} {...props} />;
}
