/**
 * Uppdrag: the open actions by due date, the overdue first with the days they are late, filtered
 * by responsible group and person (kept in the address, so a filtered view can be shared), each
 * linking to its ärende and to its meeting under Möten; done and struck actions folded away.
 */
import { Button, Field, Link, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import { compareActions, type Action } from '../../../../src/domain/actions';
import { refersTo, type Errand } from '../../../../src/domain/errands';
import type { Meeting } from '../../../../src/domain/types';
import type { BalanceListView } from '../../../../src/view-model';
import { ActionItem } from '../components/action-item';
import { useApp } from '../components/app-context';
import { ExternalLink, isWebUrl } from '../components/edit-link';
import { actionStringsFor, type ActionStrings } from '../i18n/action-strings';
import type { UrlState } from '../model/url-state';

const useStyles = makeStyles({
  select: { minWidth: '12rem', maxWidth: '100%' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The groups and people named by any action, sorted, for the filters. */
function facets(actions: readonly Action[], words: ActionStrings): { groups: string[]; people: string[] } {
  const groups = new Set<string>();
  const people = new Set<string>();
  for (const action of actions) {
    for (const group of action.group.split(', ')) if (group !== '') groups.add(group);
    if (action.person !== null) people.add(action.person.name || words.unknownPerson);
  }
  const sorted = (values: Set<string>) => [...values].sort((a, b) => a.localeCompare(b, 'sv'));
  return { groups: sorted(groups), people: sorted(people) };
}

function matches(action: Action, state: UrlState, words: ActionStrings): boolean {
  if (state.owner !== null && !action.group.split(', ').includes(state.owner)) return false;
  if (state.person !== null && (action.person === null || (action.person.name || words.unknownPerson) !== state.person)) return false;
  return true;
}

interface LinksProps {
  action: Action;
  errands: readonly Errand[];
  meetings: readonly Meeting[];
  words: ActionStrings;
  onMeeting(meeting: Meeting): void;
}

/** Where the action comes from: its ärende (in SharePoint) and its meeting (under Möten). */
function ActionLinks({ action, errands, meetings, words, onMeeting }: LinksProps) {
  const { strings } = useApp();
  const errand = action.errandKey === null ? undefined : errands.find((candidate) => candidate.key === action.errandKey);
  const ref = errand?.meeting ?? null;
  const meeting = ref === null ? undefined : meetings.find((candidate) => refersTo(ref, candidate));
  const errandTitle = errand ? errand.title || strings.untitled : '';
  const go = (event: MouseEvent<HTMLAnchorElement>, target: Meeting) => {
    event.preventDefault();
    onMeeting(target);
  };
  return (
    <>
      <div className="bl-fact">
        <dt className="bl-term">{words.fromErrand}:</dt>
        <dd className="bl-value">
          {errand === undefined ? (
            <bdi>{action.errandKey === null ? words.noErrand : words.errandMissing(action.errandKey)}</bdi>
          ) : isWebUrl(errand.editUrl) ? (
            <ExternalLink href={errand.editUrl} label={words.openErrand(errandTitle)}>
              <bdi>{errandTitle}</bdi>
            </ExternalLink>
          ) : (
            <bdi>{errandTitle}</bdi>
          )}
        </dd>
      </div>
      {meeting ? (
        <div className="bl-fact">
          <dt className="bl-term">{words.meeting}:</dt>
          <dd className="bl-value">
            <Link href={`?view=moten&meeting=${meeting.id}`} onClick={(event) => go(event, meeting)}>
              <time dateTime={meeting.date}>{meeting.date}</time> · <bdi>{meeting.title || strings.untitled}</bdi>
              <span className="visually-hidden"> {words.showUnderMeetings}</span>
            </Link>
          </dd>
        </div>
      ) : null}
    </>
  );
}

interface Props {
  view: BalanceListView;
  state: UrlState;
  onChange(patch: Partial<UrlState>, mode?: 'push' | 'replace'): void;
}

export function ActionsPanel({ view, state, onChange }: Props) {
  const { strings } = useApp();
  const styles = useStyles();
  const words = actionStringsFor(strings.language);
  if (view.lists.actions === undefined && view.actions.length === 0) return <p>{words.noList}</p>;
  const { groups, people } = facets(view.actions, words);
  const shown = view.actions.filter((action) => matches(action, state, words));
  const open = shown.filter((action) => action.status === 'open').sort(compareActions);
  // Done and struck: the latest first, as a record of what was finished.
  const closed = shown.filter((action) => action.status !== 'open').sort((a, b) => compareActions(b, a));
  const filtered = state.owner !== null || state.person !== null;
  const links = (action: Action) => (
    <ActionLinks
      action={action}
      errands={view.errands}
      meetings={view.meetings}
      words={words}
      onMeeting={(meeting) => onChange({ view: 'moten', meeting: meeting.id, owner: null, person: null }, 'push')}
    />
  );
  const select = (label: string, value: string | null, all: string, options: string[], key: 'owner' | 'person') => (
    <Field label={label}>
      <Select className={styles.select} value={value ?? ''} onChange={(_, data) => onChange({ [key]: data.value === '' ? null : data.value })}>
        <option value="">{all}</option>
        {/* A value from a shared link that no action has (any more) stays selectable, so the filter shows. */}
        {value !== null && !options.includes(value) ? <option value={value}>{value}</option> : null}
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <>
      <p className={styles.muted}>{words.intro}</p>
      <div className="action-filters" role="group" aria-label={words.filtersLabel}>
        {select(words.group, state.owner, words.allGroups, groups, 'owner')}
        {select(words.person, state.person, words.allPeople, people, 'person')}
        {filtered ? (
          <Button appearance="secondary" onClick={() => onChange({ owner: null, person: null })}>
            {words.clearFilters}
          </Button>
        ) : null}
      </div>
      <h3 aria-live="polite">
        {words.openHeading(open.length)}
        {filtered ? <span className={styles.muted}> ({words.shown(shown.length, view.actions.length)})</span> : null}
      </h3>
      {open.length === 0 ? (
        <p>{filtered ? words.noneMatch : words.noOpen}</p>
      ) : (
        <ul className="action-list" data-testid="open-actions">
          {open.map((action) => (
            <ActionItem key={action.id} action={action} today={view.today} links={links(action)} />
          ))}
        </ul>
      )}
      {closed.length > 0 ? (
        <details className="action-closed" data-testid="closed-actions">
          <summary>{words.closedSummary(closed.length)}</summary>
          <ul className="action-list">
            {closed.map((action) => (
              <ActionItem key={action.id} action={action} today={view.today} links={links(action)} />
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
