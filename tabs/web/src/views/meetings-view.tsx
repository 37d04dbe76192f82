/**
 * Möten: upcoming meetings with date, kind, place, link, deadline for items, the agenda (its
 * ärenden so far) and the entries due for follow-up at each; past meetings folded away, each with
 * its ärenden's decisions and the actions they gave. A link to one meeting (`meeting=<id>`, from
 * Uppdrag) opens its card and scrolls to it.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { Action } from '../../../../src/domain/actions';
import type { Errand } from '../../../../src/domain/errands';
import type { Entry, Meeting } from '../../../../src/domain/types';
import type { BalanceListView } from '../../../../src/view-model';
import { useApp } from '../components/app-context';
import { NameList } from '../components/name-list';
import { EditLink, ExternalLink, isWebUrl } from '../components/edit-link';
import type { FollowUpClient } from '../api/follow-up-client';
import { MeetingAgenda } from '../components/meeting-agenda';
import { MeetingDocuments } from '../components/meeting-documents';
import { EntryStatusBadge } from '../components/status-badge';
import { daysBetween } from '../format';

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'grid', gap: tokens.spacingVerticalM },
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: { margin: `0 0 ${tokens.spacingVerticalS} 0`, fontSize: tokens.fontSizeBase400 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
  followUps: { margin: `${tokens.spacingVerticalS} 0 0 0`, paddingLeft: tokens.spacingHorizontalL },
  subheading: { margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase300 },
  muted: { color: tokens.colorNeutralForeground2 },
  details: { marginTop: tokens.spacingVerticalXL },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalS} 0` },
  edit: { marginTop: tokens.spacingVerticalS, fontSize: tokens.fontSizeBase200 },
});

interface CardProps {
  meeting: Meeting;
  today: string;
  followUps: Entry[];
  errands: readonly Errand[];
  errandsListUrl: string | undefined;
  actions: readonly Action[];
  documents: FollowUpClient | undefined;
  /** Local mode: documents are saved under the data folder. */
  local: boolean;
  level: 3 | 4;
}

function MeetingCard({ meeting, today, followUps, errands, errandsListUrl, actions, documents, local, level }: CardProps) {
  const { strings } = useApp();
  const styles = useStyles();
  const Heading = level === 3 ? 'h3' : 'h4';
  const days = daysBetween(today, meeting.date);
  return (
    <article className={styles.card} aria-labelledby={`meeting-${meeting.id}`} data-meeting={meeting.id} tabIndex={-1}>
      <Heading id={`meeting-${meeting.id}`} className={styles.heading}>
        <time dateTime={meeting.date}>{meeting.date}</time> · <bdi>{meeting.title || strings.untitled}</bdi>
      </Heading>
      <dl className={styles.facts}>
        <dt className={styles.term}>{strings.date}</dt>
        <dd className={styles.value}>
          {meeting.date} ({strings.relativeDays(days)})
        </dd>
        <dt className={styles.term}>{strings.time}</dt>
        <dd className={styles.value}>{meeting.time ?? strings.notDecided}</dd>
        <dt className={styles.term}>{strings.kind}</dt>
        <dd className={styles.value}>{meeting.kind ? strings.meetingKind[meeting.kind] : '–'}</dd>
        <dt className={styles.term}>{strings.location}</dt>
        <dd className={styles.value}>{meeting.location ? <bdi>{meeting.location}</bdi> : '–'}</dd>
        {meeting.link ? (
          <>
            <dt className={styles.term}>{strings.link}</dt>
            <dd className={styles.value}>
              {isWebUrl(meeting.link) ? <ExternalLink href={meeting.link}>{strings.openMeetingLink}</ExternalLink> : <bdi>{meeting.link}</bdi>}
            </dd>
          </>
        ) : null}
        <dt className={styles.term}>{strings.itemDeadline}</dt>
        <dd className={styles.value}>
          {meeting.itemDeadline ? `${meeting.itemDeadline} (${strings.errands.deadlineLeft(daysBetween(today, meeting.itemDeadline))})` : '–'}
        </dd>
        {meeting.preparingGroups.length > 0 ? (
          <>
            <dt className={styles.term}>{strings.preparingGroups}</dt>
            <dd className={styles.value}>
              <NameList names={meeting.preparingGroups} />
            </dd>
          </>
        ) : null}
        {meeting.notes.trim() ? (
          <>
            <dt className={styles.term}>{strings.notes}</dt>
            <dd className={styles.value}>
              <bdi>{meeting.notes}</bdi>
            </dd>
          </>
        ) : null}
      </dl>
      <MeetingAgenda meeting={meeting} errands={errands} listUrl={errandsListUrl} held={meeting.date < today} actions={actions} today={today} />
      <MeetingDocuments meeting={meeting} held={meeting.date < today} client={documents} local={local} />
      {/* Only meetings with follow-ups say so; that none has any is said once, above the list. */}
      {followUps.length > 0 ? (
        <>
          <p className={styles.subheading}>{strings.followUps}</p>
          <ul className={styles.followUps}>
            {followUps.map((entry) => (
              <li key={entry.id}>
                <bdi>{entry.title || strings.untitled}</bdi> <EntryStatusBadge status={entry.status} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className={styles.edit}>
        <EditLink url={meeting.editUrl} title={meeting.title} itemId={meeting.id} />
      </div>
    </article>
  );
}

interface PanelProps {
  view: BalanceListView;
  /** A meeting to open and scroll to (`meeting=<id>` in the address). */
  focus?: string | null;
  /** Fetches a meeting's documents with the sign-in token; without it no document is offered. */
  documents?: FollowUpClient;
}

export function MeetingsPanel({ view, focus = null, documents }: PanelProps) {
  const { strings } = useApp();
  const styles = useStyles();
  useEffect(() => {
    if (focus === null) return;
    // `focus` is an item id, digits only (checked when the address is read).
    const card = document.querySelector<HTMLElement>(`[data-meeting="${focus}"]`);
    card?.scrollIntoView?.({ block: 'start' });
    card?.focus({ preventScroll: true });
  }, [focus]);
  const everything: Entry[] = [...view.entries, ...view.agreements.map((item) => ({ ...item, status: item.entryStatus }))];
  const followUpsOn = (date: string) => everything.filter((entry) => entry.nextFollowUp === date);
  // The same horizon as the bot's "möten" and the notifier (MEETING_WITHIN_DAYS); meetings further
  // ahead stay one click away rather than hidden.
  const upcoming = view.meetings.filter((meeting) => meeting.date >= view.today && daysBetween(view.today, meeting.date) <= view.meetingWithinDays);
  const later = view.meetings.filter((meeting) => daysBetween(view.today, meeting.date) > view.meetingWithinDays);
  const past = view.meetings.filter((meeting) => meeting.date < view.today).reverse();
  const anyFollowUps = upcoming.some((meeting) => followUpsOn(meeting.date).length > 0);
  // Present only when the store has the ärenden list (a site not provisioned for it has none).
  const errandsListUrl = view.lists.errands;
  const list = (meetings: Meeting[]) => (
    <ul className={styles.list}>
      {meetings.map((meeting) => (
        <li key={meeting.id}>
          <MeetingCard
            meeting={meeting}
            today={view.today}
            followUps={followUpsOn(meeting.date)}
            errands={view.errands}
            errandsListUrl={errandsListUrl}
            actions={view.actions}
            documents={documents}
            local={view.source === 'local'}
            level={4}
          />
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <h3>{strings.upcomingMeetings}</h3>
      <p className={styles.muted} data-testid="meetings-horizon">
        {strings.meetingsHorizon(view.meetingWithinDays)}
      </p>
      {upcoming.length > 0 && !anyFollowUps ? <p className={styles.muted}>{strings.noFollowUps}</p> : null}
      {upcoming.length === 0 ? <p>{strings.noUpcomingMeetings}</p> : list(upcoming)}
      {later.length > 0 ? (
        <details className={styles.details} data-testid="later-meetings" open={later.some((meeting) => meeting.id === focus) || undefined}>
          <summary className={styles.summary}>{strings.laterMeetings(later.length)}</summary>
          {list(later)}
        </details>
      ) : null}
      {past.length > 0 ? (
        <details className={styles.details} data-testid="past-meetings" open={past.some((meeting) => meeting.id === focus) || undefined}>
          <summary className={styles.summary}>{strings.pastMeetings(past.length)}</summary>
          {list(past)}
        </details>
      ) : null}
    </>
  );
}
