import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';

import { AppLink } from '../app/AppLink';
import { useCurrentUser } from '../auth/session';
import { MunicipalityProgress } from './MunicipalityProgress';
import { municipalityPath, UPLOAD_PATH } from './paths';

/**
 * /mijn-gemeente: a municipal contact's own progress. A contact of one municipality sees it at once;
 * a shared service's contact (several municipalities) first chooses one.
 */
export default function MyMunicipalityPage() {
  const municipalities = useCurrentUser()?.gemeenten ?? [];
  const only = municipalities.length === 1 ? municipalities[0] : undefined;
  if (only) return <MunicipalityProgress code={only.code} />;

  return (
    <>
      <title>Mijn gemeenten – Spoorboek</title>
      <Heading level={1}>Mijn gemeenten</Heading>
      {municipalities.length === 0 ? (
        <Paragraph>
          Uw account is nog niet aan een gemeente gekoppeld, dus u kunt geen voortgang doorgeven. Vraag een beheerder
          van Spoorboek om uw account aan uw gemeente te koppelen.
        </Paragraph>
      ) : (
        <>
          <Paragraph appearance="lead">
            U geeft de voortgang door voor {municipalities.length} gemeenten. Kies een gemeente om haar stand per
            maatregel te bekijken en te wijzigen, of geef de stand van alle gemeenten tegelijk door met een{' '}
            <AppLink to={UPLOAD_PATH}>bestand</AppLink>.
          </Paragraph>
          <UnorderedList aria-label="Mijn gemeenten">
            {municipalities.map((municipality) => (
              <UnorderedListItem key={municipality.code}>
                <AppLink to={municipalityPath(municipality.code)}>{municipality.naam}</AppLink>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
    </>
  );
}
