import { answerValidation, judgeNotifications } from '../../../src/sharepoint/change-notifications/receiver';
import type { SubscriptionRecord } from '../../../src/sharepoint/change-notifications';

const record: SubscriptionRecord = {
  list: 'balance',
  listId: 'list-1',
  resource: 'sites/site-1/lists/list-1',
  notificationUrl: 'https://balanslistan.example.org/api/graph/notifications',
  subscriptionId: 'sub-1',
  clientState: 'a-secret-client-state',
  expiresAt: '2030-01-01T00:00:00Z',
  claim: null,
};
const find = async (id: string) => (id === 'sub-1' ? record : null);

describe('the notification receiver', () => {
  it('answers a validation request with the token, decoded, as plain text', () => {
    const token = 'Validation: Testing client application reachability for subscription Request-Id: 1b2c';
    expect(answerValidation(token)).toMatchObject({ status: 200, contentType: 'text/plain; charset=utf-8', body: token });
    expect(answerValidation('')).toMatchObject({ status: 400 });
    expect(answerValidation('x'.repeat(5000))).toMatchObject({ status: 400 });
  });

  it('accepts a notification with the right clientState, rejects a wrong one and acknowledges an unknown subscription', async () => {
    const ok = await judgeNotifications({ value: [{ subscriptionId: 'sub-1', clientState: record.clientState, changeType: 'updated' }] }, 'notification', find);
    expect(ok).toMatchObject({ status: 202, changed: [record], rejected: [], unknown: [] });
    const forged = await judgeNotifications({ value: [{ subscriptionId: 'sub-1', clientState: 'guess' }] }, 'notification', find);
    expect(forged).toMatchObject({ status: 403, changed: [], rejected: ['sub-1'] });
    const unknown = await judgeNotifications({ value: [{ subscriptionId: 'sub-9', clientState: 'x' }] }, 'notification', find);
    expect(unknown).toMatchObject({ status: 202, changed: [], unknown: ['sub-9'] });
    const mixed = await judgeNotifications(
      {
        value: [
          { subscriptionId: 'sub-1', clientState: 'guess' },
          { subscriptionId: 'sub-1', clientState: record.clientState },
        ],
      },
      'notification',
      find,
    );
    expect(mixed).toMatchObject({ status: 202, changed: [record], rejected: ['sub-1'] });
  });

  it('takes lifecycle events only from the lifecycle URL, and refuses what is not a collection', async () => {
    const lifecycle = await judgeNotifications(
      { value: [{ subscriptionId: 'sub-1', clientState: record.clientState, lifecycleEvent: 'reauthorizationRequired' }] },
      'lifecycle',
      find,
    );
    expect(lifecycle).toMatchObject({ status: 202, lifecycle: [{ record, event: 'reauthorizationRequired' }], changed: [] });
    expect(await judgeNotifications({ nothing: true }, 'notification', find)).toMatchObject({ status: 400 });
    expect(await judgeNotifications(undefined, 'lifecycle', find)).toMatchObject({ status: 400 });
  });
});
