import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ButtonGroup,
  Heading,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  StatusBadge,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { storeAnswer } from '../app/queryClient';
import { CheckboxField } from '../forms/fields';
import { DutchDateTime } from '../shared/DutchDateTime';
import { ErrorAlert } from '../shared/ErrorAlert';
import { PagedResults } from '../shared/PagedResults';
import { pageFrom } from '../shared/Pagination';
import { StatusMessage } from '../shared/StatusMessage';
import { counted, usePagedList } from '../shared/usePagedList';
import {
  internalPath,
  invalidateNotifications,
  markAllRead,
  markRead,
  notificationKeys,
  notificationListQuery,
  PAGE_SIZE,
  type Notification,
  type NotificationFilters,
  type NotificationPage,
} from './api';
import { unreadText } from './labels';
import { PREFERENCES_PATH } from './paths';
import './notifications.css';

/** The filters from the URL: only `ongelezen=true` narrows the list. */
export function notificationFiltersFrom(params: URLSearchParams): NotificationFilters {
  const filters: NotificationFilters = { pagina: pageFrom(params.get('pagina')), paginaGrootte: PAGE_SIZE };
  if (params.get('ongelezen') === 'true') filters.ongelezen = true;
  return filters;
}

function UnreadFilter({ unreadOnly }: { unreadOnly: boolean }) {
  const navigate = useNavigate();
  const [checked, setChecked] = useState(unreadOnly);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate({ search: checked ? 'ongelezen=true' : '' });
  };
  return (
    <form noValidate onSubmit={submit} className="spoorboek-filters spoorboek-notification-filter" aria-label="Meldingen filteren">
      <CheckboxField id="filter-ongelezen" label="Alleen ongelezen" checked={checked} onChange={setChecked} />
      <ButtonGroup>
        <PrimaryActionButton type="submit">Filteren</PrimaryActionButton>
      </ButtonGroup>
    </form>
  );
}

interface ItemProps {
  notification: Notification;
  onFollow: (notification: Notification) => void;
  onMarkRead: (notification: Notification) => void;
  marking: boolean;
}

function NotificationItem({ notification, onFollow, onMarkRead, marking }: ItemProps) {
  const titleId = `melding-${notification.id}`;
  const unread = notification.gelezen === null;
  const path = internalPath(notification.link);
  const follow = () => {
    if (unread) onFollow(notification);
  };
  return (
    <li
      className={`spoorboek-notification${unread ? ' spoorboek-notification--unread' : ''}`}
      aria-labelledby={titleId}
    >
      <div className="spoorboek-notification__head">
        <Heading level={3} id={titleId} className="spoorboek-notification__title">
          {path ? (
            <AppLink
              to={path}
              id={`${titleId}-link`}
              onClick={follow}
              // A middle click opens the thing in a new tab: that is following it too.
              onAuxClick={(event) => {
                if (event.button === 1) follow();
              }}
            >
              {notification.titel}
            </AppLink>
          ) : (
            notification.titel
          )}
        </Heading>
        {unread && <StatusBadge status="neutral">Ongelezen</StatusBadge>}
      </div>
      <Paragraph>{notification.tekst}</Paragraph>
      <Paragraph appearance="small" className="spoorboek-muted">
        <DutchDateTime value={notification.aangemaakt} />
        {!unread && notification.gelezen && (
          <>
            {' · gelezen '}
            <DutchDateTime value={notification.gelezen} />
          </>
        )}
      </Paragraph>
      {unread && (
        <ButtonGroup>
          <SecondaryActionButton
            type="button"
            aria-describedby={titleId}
            busy={marking}
            disabled={marking}
            onClick={() => onMarkRead(notification)}
          >
            Markeer als gelezen
          </SecondaryActionButton>
        </ButtonGroup>
      )}
    </li>
  );
}

/** /meldingen: the notification centre, newest first, with marking read one by one or all at once. */
export default function NotificationsPage() {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const list = usePagedList({
    filtersFrom: notificationFiltersFrom,
    query: notificationListQuery,
    messages: {
      loading: 'Meldingen laden…',
      updating: 'Meldingen bijwerken…',
      empty: ({ filters }) => (filters.ongelezen ? 'U hebt geen ongelezen meldingen.' : 'U hebt geen meldingen.'),
      found: ({ total, filters }) =>
        filters.ongelezen ? `${unreadText(total)}.` : `${counted(total, 'melding', 'meldingen')}.`,
    },
  });
  const { filters } = list;
  const data = list.query.data;

  // One notification read: change it in this page at once (so it stays where it is, also in the
  // unread filter, until the list is fetched again) and ask the bell again.
  const markOne = useMutation({
    mutationFn: (notification: Notification) => markRead(notification.id),
    onMutate: () => setMessage(''),
    onSuccess: async (read) => {
      await storeAnswer<NotificationPage>(queryClient, notificationKeys.list(filters), (page) =>
        page && {
          ...page,
          ongelezen: Math.max(0, page.ongelezen - 1),
          resultaten: page.resultaten.map((n) => (n.id === read.id ? read : n)),
        },
      );
      void queryClient.invalidateQueries({ queryKey: notificationKeys.unread });
      setMessage(`De melding "${read.titel}" is als gelezen gemarkeerd.`);
      // The button is gone: keep the keyboard at the same notification, on its link.
      document.getElementById(`melding-${read.id}-link`)?.focus();
    },
  });
  const markAll = useMutation({
    mutationFn: markAllRead,
    onMutate: () => setMessage(''),
    onSuccess: async (marked) => {
      await invalidateNotifications(queryClient);
      setMessage(
        marked === 0
          ? 'Er waren geen ongelezen meldingen.'
          : `${counted(marked, 'melding is', 'meldingen zijn')} als gelezen gemarkeerd.`,
      );
    },
  });
  // Following a notification's link reads it: mark it on the way, the page changes meanwhile.
  const follow = (notification: Notification) => {
    void markRead(notification.id).then(
      () => invalidateNotifications(queryClient),
      () => undefined,
    );
  };
  const failure = markOne.error ?? markAll.error;

  return (
    <>
      <title>Meldingen – Spoorboek</title>
      <Heading level={1}>Meldingen</Heading>
      <Paragraph appearance="lead">
        Wat er voor u is gebeurd in Spoorboek, nieuwste eerst. Volg een melding naar waar het over gaat; dan is
        ze gelezen.
      </Paragraph>
      <Paragraph>
        <AppLink to={PREFERENCES_PATH}>Kies hoe u meldingen krijgt (Mijn meldingen)</AppLink>
      </Paragraph>
      <UnreadFilter key={String(Boolean(filters.ongelezen))} unreadOnly={Boolean(filters.ongelezen)} />
      {data && data.ongelezen > 0 && (
        <div className="spoorboek-notification-summary">
          <Paragraph>U hebt {unreadText(data.ongelezen)}.</Paragraph>
          <ButtonGroup>
            <SecondaryActionButton
              type="button"
              busy={markAll.isPending}
              disabled={markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              Alles als gelezen markeren
            </SecondaryActionButton>
          </ButtonGroup>
        </div>
      )}
      <StatusMessage>{message}</StatusMessage>
      {failure && <ErrorAlert error={failure} />}
      <PagedResults list={list} heading={filters.ongelezen ? 'Ongelezen meldingen' : 'Alle meldingen'}>
        {(page) => (
          <ul className="spoorboek-notification-list" aria-labelledby="resultaten">
            {page.resultaten.map((notification) => (
              <NotificationItem
                key={notification.id}
                notification={notification}
                onFollow={follow}
                onMarkRead={(n) => markOne.mutate(n)}
                marking={markOne.isPending && markOne.variables.id === notification.id}
              />
            ))}
          </ul>
        )}
      </PagedResults>
    </>
  );
}
