/**
 * The tab in a Teams meeting's side panel (320 px wide): that meeting's agenda, each ärende with
 * its kind, preparing group, documents and a link to write its decision in SharePoint, and the
 * actions it gave. The meeting is found by its Teams link in Möten, else by the day the Teams
 * meeting is scheduled on (asked of Teams; today's date when Teams does not say) when one meeting
 * falls on it; otherwise the person chooses, and the choice is remembered for the meeting. The
 * scheduled day is asked of the app's server first (the bot's meeting info API), then of Teams.
 */
import { Button, Field, Select } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { actionsForErrand } from '../../../../src/domain/actions';
import { stockholmDateFromInstant } from '../../../../src/domain/dates';
import { errandsForMeeting } from '../../../../src/domain/errands';
import { meetingOfJoinLink, meetingOfTeamsContext } from '../../../../src/domain/meeting-links';
import type { Meeting } from '../../../../src/domain/types';
import type { BalanceListView } from '../../../../src/view-model';
import type { FollowUpClient } from '../api/follow-up-client';
import type { TeamsMeetingClient } from '../api/teams-meeting-client';
import { ErrandActions } from '../components/action-item';
import { useApp } from '../components/app-context';
import { ExternalLink, isWebUrl } from '../components/edit-link';
import { ErrandItem } from '../components/errand-item';
import { MeetingDocuments } from '../components/meeting-documents';
import { meetingPanelStringsFor } from '../i18n/meeting-panel-strings';
import { matchMeeting, meetingCandidates, type ChoiceReason, type MeetingMatch, type PanelSearch } from '../model/meeting-match';
import type { TeamsMeeting, TeamsMeetingDetails } from '../teams/host';
import { firstMeetingDetails } from '../teams/meeting-details';

const STORAGE_PREFIX = 'balanslistan.meeting.';

/** The meeting chosen earlier for this Teams meeting (kept in this browser), if any. */
function remembered(thread: string | null): string | null {
  try {
    return window.localStorage.getItem(`${STORAGE_PREFIX}${thread ?? 'okänt'}`);
  } catch {
    return null;
  }
}

function remember(thread: string | null, meetingId: string): void {
  try {
    window.localStorage.setItem(`${STORAGE_PREFIX}${thread ?? 'okänt'}`, meetingId);
  } catch {
    // Storage may be off (private mode, policy): the choice then lasts for this visit.
  }
}

type Words = ReturnType<typeof meetingPanelStringsFor>;

/** Why the person is asked to choose, in words that name the day looked on. */
function whyChoose(words: Words, match: Extract<MeetingMatch, { kind: 'choice' }> | null): string {
  if (match === null) return words.changeTo;
  const today = match.dayFrom === 'today';
  const reasons: Record<ChoiceReason, string> = {
    'shared-link': words.sharedLink,
    'no-link': words.noLink,
    'several-on-day': today ? words.severalToday : words.severalOnDay(match.day),
    'none-on-day': today ? words.noMeetingToday : words.noMeetingOnDay(match.day),
  };
  return reasons[match.reason];
}

function Chooser({ why, candidates, onChoose }: { why: string; candidates: Meeting[]; onChoose(id: string): void }) {
  const { strings } = useApp();
  const words = meetingPanelStringsFor(strings.language);
  const [picked, setPicked] = useState(candidates[0]?.id ?? '');
  if (candidates.length === 0) return <p>{words.noMeetings}</p>;
  return (
    <form
      className="panel-chooser"
      onSubmit={(event) => {
        event.preventDefault();
        if (picked) onChoose(picked);
      }}
    >
      <p role="status">{why}</p>
      <Field label={words.chooseLabel}>
        <Select value={picked} onChange={(_, data) => setPicked(data.value)}>
          {candidates.map((meeting) => (
            <option key={meeting.id} value={meeting.id}>
              {meeting.date} · {meeting.title || strings.untitled}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" appearance="primary">
        {words.choose}
      </Button>
    </form>
  );
}

function Agenda({
  view,
  meeting,
  how,
  documents,
  onChange,
}: {
  view: BalanceListView;
  meeting: Meeting;
  how: string;
  documents?: FollowUpClient;
  onChange(): void;
}) {
  const { strings } = useApp();
  const words = meetingPanelStringsFor(strings.language);
  const agenda = errandsForMeeting(view.errands, meeting);
  return (
    <section aria-labelledby="panel-meeting" className="panel-agenda" data-panel-meeting={meeting.id}>
      <h3 id="panel-meeting" className="panel-title">
        <time dateTime={meeting.date}>{meeting.date}</time>
        {meeting.time ? ` ${meeting.time}` : ''} · <bdi>{meeting.title || strings.untitled}</bdi>
      </h3>
      <p className="bl-muted panel-how">
        {how}{' '}
        <Button size="small" appearance="transparent" onClick={onChange}>
          {words.change}
        </Button>
      </p>
      <p className="errand-agenda-heading">{agenda.length === 0 ? words.noItems : words.items(agenda.length)}</p>
      <ol className="errand-list panel-list">
        {agenda.map((errand) => (
          <ErrandItem key={errand.id} errand={errand}>
            <p className="panel-decision">
              {isWebUrl(errand.editUrl) ? (
                <ExternalLink href={errand.editUrl}>{words.writeDecision(errand.title || strings.untitled)}</ExternalLink>
              ) : (
                <span className="bl-muted">{words.writeDecisionLocal(errand.id)}</span>
              )}
            </p>
            <ErrandActions actions={actionsForErrand(view.actions, errand.key)} today={view.today} />
          </ErrandItem>
        ))}
      </ol>
      <MeetingDocuments meeting={meeting} held={meeting.date < view.today} client={documents} local={view.source === 'local'} />
    </section>
  );
}

interface Props {
  view: BalanceListView;
  meeting: TeamsMeeting;
  /** A meeting chosen in the address (`meeting=<id>`), which wins over the search. */
  chosen: string | null;
  onChoose(id: string | null): void;
  documents?: FollowUpClient;
  /** The app's server, asked for the Teams meeting's details before Teams itself; absent: Teams only. */
  server?: TeamsMeetingClient;
}

/** The ways to learn the Teams meeting's details, in order: the app's server (by the meeting id), then Teams; null when there is none. */
function detailsReader(teams: TeamsMeeting, server: TeamsMeetingClient | undefined): (() => Promise<TeamsMeetingDetails>) | null {
  const meetingId = teams.meetingId;
  const readers = [...(server && meetingId ? [() => server.details(meetingId)] : []), ...(teams.details ? [teams.details] : [])];
  return readers.length === 0 ? null : firstMeetingDetails(readers);
}

/** What to look for: the Teams meeting by its context (and join link), on its scheduled day when Teams told it, else today. */
function searchFor(contextMeeting: string | null, details: TeamsMeetingDetails | null, today: string): PanelSearch {
  const teamsMeetings = [contextMeeting, details?.ok ? meetingOfJoinLink(details.joinUrl) : null].filter((key): key is string => key !== null);
  const scheduled = details?.ok && details.scheduledStart !== null ? stockholmDateFromInstant(details.scheduledStart) : null;
  return scheduled === null ? { teamsMeetings, day: today, dayFrom: 'today' } : { teamsMeetings, day: scheduled, dayFrom: 'schedule' };
}

export function MeetingPanel({ view, meeting: teams, chosen, onChoose, documents, server }: Props) {
  const { strings } = useApp();
  const words = meetingPanelStringsFor(strings.language);
  const contextMeeting = meetingOfTeamsContext(teams);
  const [changing, setChanging] = useState(false);
  const [details, setDetails] = useState<TeamsMeetingDetails | null>(null);
  const pickedId = chosen ?? remembered(contextMeeting);
  const picked = pickedId === null ? undefined : view.meetings.find((candidate) => candidate.id === pickedId);
  const byContext = matchMeeting(view.meetings, searchFor(contextMeeting, null, view.today));
  const readDetails = useMemo(() => detailsReader(teams, server), [teams, server]);
  // The meeting's details are asked for only when Teams' context does not settle the meeting.
  const ask = picked === undefined && byContext.kind !== 'link' && readDetails !== null;
  useEffect(() => {
    if (!ask || details !== null || readDetails === null) return;
    let current = true;
    void readDetails().then((answer) => {
      if (current) setDetails(answer);
    });
    return () => {
      current = false;
    };
  }, [ask, details, readDetails]);
  const choose = (id: string) => {
    remember(contextMeeting, id);
    setChanging(false);
    onChoose(id);
  };
  if (!changing && picked) return <Agenda view={view} meeting={picked} how={words.chosen} documents={documents} onChange={() => setChanging(true)} />;
  if (!changing && ask && details === null) {
    return (
      <p role="status" className="bl-muted" data-panel-searching="">
        {words.searching}
      </p>
    );
  }
  const match = ask ? matchMeeting(view.meetings, searchFor(contextMeeting, details, view.today)) : byContext;
  if (!changing && match.kind !== 'choice') {
    const how = match.kind === 'link' ? words.foundByLink : match.dayFrom === 'schedule' ? words.foundBySchedule(match.day) : words.foundByDate;
    return <Agenda view={view} meeting={match.meeting} how={how} documents={documents} onChange={() => setChanging(true)} />;
  }
  const asked = !changing && match.kind === 'choice' ? match : null;
  return <Chooser why={whyChoose(words, asked)} candidates={asked ? asked.candidates : meetingCandidates(view.meetings, view.today)} onChoose={choose} />;
}
