import type { ReactNode } from 'react';

import { DutchDateTime } from '../shared/DutchDateTime';
import { FactList } from '../shared/FactList';
import type { Subscription } from './api';
import { useChoiceOptions } from './ChoiceFields';
import { choiceText, STATUS_LABELS, valuesFrom } from './logic';

/** A subscription in a few facts: address, status, what she gets, since when. */
export function SubscriptionFacts({ subscription }: { subscription: Subscription }) {
  const { names } = useChoiceOptions();
  const facts: [string, ReactNode][] = [
    ['E-mailadres', subscription.email],
    ['Status', STATUS_LABELS[subscription.status]],
    ['U ontvangt', choiceText(valuesFrom(subscription), names)],
  ];
  if (subscription.bevestigdOp) facts.push(['Bevestigd op', <DutchDateTime key="b" value={subscription.bevestigdOp} />]);
  return <FactList facts={facts} />;
}
