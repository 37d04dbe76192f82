/**
 * The year's meetings in the Uppföljning view, grouped by kind as the annual report counts them
 * (ordinary, joint with Västernorrland, extra with their subject, other events, no stated kind),
 * each with its date as far as it is known.
 */
import type { ForumMeeting, ForumMeetingKind } from '../../../../src/domain/errands';
import type { FollowUpYear } from '../../../../src/domain/forum-year';
import { formatPartialDate } from '../model/follow-up';
import { useApp } from './app-context';

const KIND_ORDER: Array<ForumMeetingKind | 'unspecified'> = ['ordinary', 'joint', 'extra', 'event', 'unspecified'];

export function MeetingsByKind({ year }: { year: FollowUpYear }) {
  const { strings } = useApp();
  const words = strings.followUp;
  return (
    <section className="fu-block" aria-labelledby="fu-meetings">
      <h3 id="fu-meetings">{words.meetingsHeading}</h3>
      {year.hasMeetings ? null : <p>{words.noMeetings(year.year)}</p>}
      {KIND_ORDER.filter((kind) => year.meetings[kind].length > 0).map((kind) => (
        <div key={kind} className="fu-kind" data-meeting-kind={kind}>
          <h4 className="fu-kind-heading">
            {words.meetingKinds[kind]} ({year.meetings[kind].length})
          </h4>
          <ul className="fu-meetings">
            {year.meetings[kind].map((meeting) => (
              <MeetingLine key={meeting.id} meeting={meeting} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function MeetingLine({ meeting }: { meeting: ForumMeeting }) {
  const { strings } = useApp();
  return (
    <li data-meeting={meeting.id}>
      <span className="fu-date">{formatPartialDate(meeting.date, strings)}</span> · <bdi>{meeting.title || strings.untitled}</bdi>
      {meeting.subject ? (
        <>
          {' – '}
          <bdi>{meeting.subject}</bdi>
        </>
      ) : null}
    </li>
  );
}
