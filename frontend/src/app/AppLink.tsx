import { Link as RouterLink, type LinkProps } from 'react-router-dom';

/**
 * A link inside the SPA: navigates without a page load (React Router), looks like an
 * NL Design System link (Utrecht's link classes, including its focus ring).
 */
export function AppLink({ className, ...props }: LinkProps) {
  const classes = ['utrecht-link', 'utrecht-link--html-a', className].filter(Boolean).join(' ');
  return <RouterLink className={classes} {...props} />;
}

/** A link inside the SPA that looks like a button (for "go to a form" actions). */
export function ButtonAppLink({
  className,
  appearance = 'primary-action',
  ...props
}: LinkProps & { appearance?: 'primary-action' | 'secondary-action' | 'subtle' }) {
  const classes = [
    'utrecht-button-link',
    'utrecht-button-link--html-a',
    `utrecht-button-link--${appearance}`,
    className,
  ]
    .filter(Boolean)
    .join(' ');
  return <RouterLink className={classes} {...props} />;
}
