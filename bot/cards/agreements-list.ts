/** The answer to "avtal": the agreements, those ending soonest first. */
import type { AdaptiveCard, CardContext } from '../contracts';
import type { AgreementView } from '../../src/view-model';
import { safe } from './format';
import { strings } from './strings';
import { LIST_LIMIT, expand, tabAction, more } from './expand';
import { validityDates, revisionText } from './agreement-text';
import agreementsListTemplate from './templates/agreements-list.json';

/** The agreements, those ending soonest first, unknown end dates last. */
export function agreementsListCard(input: { agreements: AgreementView[]; stale: boolean }, context: CardContext): AdaptiveCard {
  const t = strings(context.language);
  // Those ending soonest first; unknown end dates last, in list order.
  const sorted = [...input.agreements].sort((a, b) => (a.daysLeft ?? Number.MAX_SAFE_INTEGER) - (b.daysLeft ?? Number.MAX_SAFE_INTEGER));
  const colors = { active: 'Good', expiring: 'Warning', expired: 'Attention', unknown: 'Default' } as const;
  const agreements = sorted.slice(0, LIST_LIMIT.agreements).map((agreement) => ({
    title: safe(agreement.title, 200),
    state: t.agreementState[agreement.status],
    color: colors[agreement.status],
    validityText: agreement.agreement?.validity.text ? safe(agreement.agreement.validity.text, 120) : t.notStated,
    validityDates: validityDates(agreement, t, context.language),
    daysLabel: agreement.daysLeft === null ? '' : t.daysLeftLabel(agreement.daysLeft),
    daysLeft: agreement.daysLeft === null ? '' : t.daysLeftValue(agreement.daysLeft),
    revision: agreement.agreement?.revisionStatus ? revisionText(agreement, t, context.language) : '',
  }));
  return expand(agreementsListTemplate, {
    t,
    stale: input.stale,
    agreements,
    more: more(t, sorted.length, agreements.length),
    urlActions: tabAction(t, context),
  });
}
