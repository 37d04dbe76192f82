/**
 * One action (uppdrag) as a list item: what is to be done, where it stands on the day (overdue by
 * so many days, due soon, done, struck), who is responsible and by when. In the Uppdrag view it
 * also links to its ärende and meeting (`links`). Everything from the list is text in <bdi>.
 */
import type { ReactNode } from 'react';
import { daysLate, type Action } from '../../../../src/domain/actions';
import { actionStringsFor, type ActionStrings } from '../i18n/action-strings';
import { daysBetween } from '../format';
import { useApp } from './app-context';

/** The action's state on `today` in words, and its kind for styling. */
export function actionState(action: Action, today: string, words: ActionStrings): { text: string; kind: 'overdue' | 'soon' | 'open' | 'done' | 'struck' } {
  if (action.status === 'done') return { text: action.doneOn ? words.doneOn(action.doneOn) : words.status.done, kind: 'done' };
  if (action.status === 'struck') return { text: words.status.struck, kind: 'struck' };
  if (action.due === null) return { text: words.noDue, kind: 'open' };
  const late = daysLate(action, today);
  if (late > 0) return { text: words.overdue(late), kind: 'overdue' };
  const left = daysBetween(today, action.due);
  return left === 0 ? { text: words.dueToday, kind: 'soon' } : { text: words.dueIn(left), kind: left <= 7 ? 'soon' : 'open' };
}

/** Who is responsible: the group and the person, as far as the list says. */
export function responsibleText(action: Action, words: ActionStrings): string {
  const person = action.person === null ? null : action.person.name || words.unknownPerson;
  const parts = [action.group, person].filter((part): part is string => part !== null && part !== '');
  return parts.length > 0 ? parts.join(' · ') : words.nobody;
}

interface Props {
  action: Action;
  today: string;
  /** The ärende and meeting links (the Uppdrag view); left out under an ärende. */
  links?: ReactNode;
  /** The state told instead of the one on `today` (Uppföljning: at the year's end). */
  state?: ReturnType<typeof actionState>;
}

export function ActionItem({ action, today, links, state: told }: Props) {
  const { strings } = useApp();
  const words = actionStringsFor(strings.language);
  const state = told ?? actionState(action, today, words);
  const title = action.title || strings.untitled;
  return (
    <li className="action" data-action-key={action.key} data-state={state.kind}>
      <div className="errand-line">
        <bdi className="errand-title">{title}</bdi>
        <span className="action-state" data-state={state.kind}>
          <span className="visually-hidden">{words.statusLabel}: </span>
          {state.text}
        </span>
      </div>
      <dl className="bl-facts">
        <div className="bl-fact">
          <dt className="bl-term">{words.responsible}:</dt>
          <dd className="bl-value">
            <bdi>{responsibleText(action, words)}</bdi>
          </dd>
        </div>
        <div className="bl-fact">
          <dt className="bl-term">{words.due}:</dt>
          <dd className="bl-value">{action.due ? <time dateTime={action.due}>{action.due}</time> : words.noDue}</dd>
        </div>
        {links}
        {action.notes.trim() ? (
          <div className="bl-fact bl-notes">
            <dt className="bl-term">{words.notes}:</dt>
            <dd className="bl-value">
              <bdi>{action.notes}</bdi>
            </dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}

/** The actions an ärende gave, under it (Möten, an entry's history); nothing when there are none. */
export function ErrandActions({ actions, today }: { actions: readonly Action[]; today: string }) {
  const { strings } = useApp();
  if (actions.length === 0) return null;
  const words = actionStringsFor(strings.language);
  return (
    <div className="errand-actions">
      <p className="errand-actions-heading">{words.underErrand(actions.length)}</p>
      <ul className="action-list">
        {actions.map((action) => (
          <ActionItem key={action.id} action={action} today={today} />
        ))}
      </ul>
    </div>
  );
}
