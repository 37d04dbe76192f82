/**
 * A meeting's agenda as the cards show it: the ärenden registered for it so far, from the same
 * view the tab reads, and where to add one.
 */
import { errandsForMeeting } from '../../src/domain/errands';
import type { Meeting } from '../../src/domain/types';
import type { BalanceListView } from '../../src/view-model';
import type { MeetingAgenda } from '../contracts';
import { addErrandUrl } from './links';

/** The agenda of `meeting` in `view`: its ärenden in agenda order, and the link to add one. */
export function meetingAgenda(view: Pick<BalanceListView, 'errands' | 'lists'>, meeting: Pick<Meeting, 'id' | 'key'>): MeetingAgenda {
  // A store without the ärenden list has no address for it.
  return { errands: errandsForMeeting(view.errands, meeting), addUrl: addErrandUrl(view.lists.errands) };
}
