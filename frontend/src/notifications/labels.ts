import type { Delivery, NotificationKind, Unsubscription } from './api';

/** The choices of "Mijn meldingen", in the order shown: most mail first. */
export const DELIVERIES: readonly Delivery[] = ['direct', 'dagelijks', 'alleen-in-app'];

export const DELIVERY_LABELS: Record<Delivery, string> = {
  direct: 'Direct per e-mail',
  dagelijks: 'In het dagoverzicht per e-mail',
  'alleen-in-app': 'Alleen in Spoorboek',
};

export const DELIVERY_DESCRIPTIONS: Record<Delivery, string> = {
  direct: 'U krijgt een e-mail zodra het gebeurt, en ziet de melding in Spoorboek.',
  dagelijks: 'Eén e-mail per dag met alles van die dag, en de melding in Spoorboek.',
  'alleen-in-app': 'Geen e-mail; u ziet de melding alleen onder Meldingen in Spoorboek.',
};

/** What a kind's mails are about, to finish "U krijgt geen … meer per e-mail." */
const KIND_MAILS: Record<NotificationKind, string> = {
  'toetsing-uitgenodigd': 'uitnodigingen om te toetsen',
  'oordeel-gegeven': 'berichten over oordelen van toetsers',
  'getoetst-product-gepubliceerd': 'berichten over gepubliceerde producten die u toetste',
  'gevolgd-product-gepubliceerd': 'berichten over nieuwe versies van producten die u volgt',
  'vraag-toegewezen': 'berichten over vragen die aan u zijn toegewezen',
  'vraag-voorgelegd': 'berichten over vragen die aan uw organisatie zijn voorgelegd',
  expertantwoord: 'berichten over antwoorden van experts',
  'vraag-termijn': 'berichten over de termijn van vragen',
  'product-termijn': 'berichten over leverdatums van producten',
  'gemeente-termijn': 'berichten over termijnen van uw gemeente',
  'signaal-gemeld': 'berichten over nieuw gemelde signalen',
  'signaal-reactie': 'berichten over reacties op signalen',
  'verbetervoorstel-ontvangen': 'berichten over nieuwe verbetervoorstellen voor uw producten',
  'verbetervoorstel-stap': 'berichten over wat er met uw verbetervoorstellen gebeurt',
  'ict-vertraging': 'berichten over vertraging door ICT',
};

/** The sentence after a successful unsubscribe: what no longer comes by mail. */
export function stoppedMailText(unsubscription: Unsubscription): string {
  if (unsubscription.soort === null) return 'U krijgt geen dagoverzicht meer per e-mail.';
  const what = KIND_MAILS[unsubscription.soort] as string | undefined;
  // A kind this build does not know yet: the server's own words.
  return what ? `U krijgt geen ${what} meer per e-mail.` : `U bent afgemeld voor ${unsubscription.omschrijving}.`;
}

/** "1 ongelezen melding", "3 ongelezen meldingen". */
export function unreadText(count: number): string {
  return `${count} ongelezen ${count === 1 ? 'melding' : 'meldingen'}`;
}
