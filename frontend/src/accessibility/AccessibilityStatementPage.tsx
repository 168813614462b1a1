import { Heading, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';

const CONTACT_ADDRESS = 'spoorboek@spoorboek.example';

export function AccessibilityStatementPage() {
  return (
    <>
      <title>Toegankelijkheidsverklaring – Spoorboek</title>
      <Heading level={1}>Toegankelijkheidsverklaring</Heading>
      <Paragraph appearance="lead">
        Spoorboek moet voor iedereen bruikbaar zijn, ook voor mensen die een schermlezer, alleen
        een toetsenbord of een vergroot scherm gebruiken.
      </Paragraph>

      <Heading level={2}>Onze norm</Heading>
      <Paragraph>
        We streven naar toegankelijkheid volgens de Web Content Accessibility Guidelines (WCAG) 2.1
        op niveau AA, de norm die voor websites van de overheid geldt.
      </Paragraph>

      <Heading level={2}>Hoe we dit controleren</Heading>
      <UnorderedList>
        <UnorderedListItem>
          Bij elke wijziging controleren geautomatiseerde browsertests alle pagina&apos;s met het
          hulpmiddel axe op de WCAG 2.1-criteria van niveau A en AA.
        </UnorderedListItem>
        <UnorderedListItem>
          Dezelfde tests controleren dat de pagina&apos;s werken op een scherm van 320 pixels breed,
          zonder horizontaal te hoeven scrollen.
        </UnorderedListItem>
      </UnorderedList>
      <Paragraph>
        Automatische tests vinden lang niet alle problemen. Een volledig onderzoek door een
        onafhankelijke deskundige heeft nog niet plaatsgevonden. Daarom zeggen we nog niet dat
        Spoorboek volledig aan de norm voldoet.
      </Paragraph>

      <Heading level={2}>Problemen melden</Heading>
      <Paragraph>
        Kunt u iets niet vinden, lezen of gebruiken? Laat het ons weten via{' '}
        <Link href={`mailto:${CONTACT_ADDRESS}`}>{CONTACT_ADDRESS}</Link>. Vertel ons op welke
        pagina het probleem zit en wat u probeerde te doen.
      </Paragraph>
    </>
  );
}
