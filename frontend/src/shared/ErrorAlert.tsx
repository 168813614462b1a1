import {
  Alert,
  ButtonGroup,
  Heading,
  Paragraph,
  SecondaryActionButton,
} from '@utrecht/component-library-react';

import { ApiError } from '../api/problem';

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
}

function describe(error: unknown): { title: string; detail: string } {
  if (error instanceof ApiError) {
    return { title: error.title, detail: error.detail ?? `HTTP-status ${error.status}.` };
  }
  // fetch rejects without a response when the network or the server is down.
  return {
    title: 'De server is niet bereikbaar',
    detail: 'Controleer uw internetverbinding en probeer het opnieuw.',
  };
}

/** Shows a failed request: the problem's title and detail, and a way to try again. */
export function ErrorAlert({ error, onRetry }: ErrorAlertProps) {
  const { title, detail } = describe(error);
  return (
    <Alert type="error">
      <Heading level={2}>{title}</Heading>
      <Paragraph>{detail}</Paragraph>
      {onRetry && (
        <ButtonGroup>
          <SecondaryActionButton type="button" onClick={onRetry}>
            Opnieuw proberen
          </SecondaryActionButton>
        </ButtonGroup>
      )}
    </Alert>
  );
}
