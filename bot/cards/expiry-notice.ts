/** The notice of an agreement nearing (or past) its end date, with the revision button. */
import type { AdaptiveCard, CardContext } from '../contracts';
import type { DueExpiry } from '../../src/domain/types';
import { ACTION_DATA_VERSION, VERBS, type ExpiryActionData } from './actions';
import { safe, safeList } from './format';
import { isHttpsUrl } from './markdown';
import { strings } from './strings';
import type { CardNotice } from './card-types';
import { type ExecuteAction, type UrlAction, expand, tabAction } from './expand';
import { validityDates, revisionText } from './agreement-text';
import expiryNoticeTemplate from './templates/expiry-notice.json';

/** The expiry notice: validity as written and as dates, days left, forums, revision; the revision and snooze buttons. */
export function expiryNoticeCard(due: DueExpiry, context: CardContext, extras: { notice?: CardNotice } = {}): AdaptiveCard {
  const t = strings(context.language);
  const { entry } = due;
  const agreement = entry.agreement;
  const data: ExpiryActionData = {
    v: ACTION_DATA_VERSION,
    card: 'expiry',
    entryId: entry.id,
    eTag: entry.eTag,
    threshold: due.threshold,
    eventKey: context.eventKey,
  };
  const executeActions: ExecuteAction[] = [];
  const revision = agreement?.revisionStatus ?? null;
  if (revision !== 'started' && revision !== 'revised') executeActions.push({ title: t.revisionStarted, verb: VERBS.revisionStarted, data });
  if (context.eventKey) executeActions.push({ title: t.snooze, verb: VERBS.snooze, data });
  const urlActions: UrlAction[] = [...tabAction(t, context)];
  if (isHttpsUrl(entry.editUrl)) urlActions.push({ title: t.openSharePoint, url: entry.editUrl });
  return expand(expiryNoticeTemplate, {
    t,
    style: due.daysLeft <= 30 ? 'attention' : due.daysLeft <= 90 ? 'warning' : 'emphasis',
    heading: t.expiryTitle(due.daysLeft),
    title: safe(entry.title, 300),
    notice: extras.notice ?? null,
    validityText: agreement?.validity.text ? safe(agreement.validity.text, 120) : t.notStated,
    validityDates: validityDates(entry, t, context.language),
    daysLabel: t.daysLeftLabel(due.daysLeft),
    daysLeft: t.daysLeftValue(due.daysLeft),
    recommending: safeList(agreement?.recommendingForums ?? []),
    groups: safeList(entry.preparingGroups),
    revision: revisionText(entry, t, context.language),
    notes: safe(entry.notes, 1500),
    executeActions,
    urlActions,
  });
}
