/**
 * @jest-environment jsdom
 */
/**
 * The responsible person as a Teams mention in the action reminder and the day-after card: the
 * `<at>Name</at>` text and its `msteams.entities` entry agree, the card stays valid, a hostile
 * name is reduced to plain words inside the tags, and without a resolved person the name is shown
 * escaped, with no entity.
 */
import { TemplateCardRenderer } from '../../../../bot/cards';
import { mentionName } from '../../../../bot/cards/mentions';
import type { CardContext, DueAction, MeetingOutcome } from '../../../../bot/contracts';
import type { MentionTarget } from '../../../../src/ports/people-directory';
import { action, errand } from '../../domain/forum-builders';
import { cardProblems } from './validate-card';

const renderer = new TemplateCardRenderer();
const anna: MentionTarget = { id: 'anna.berg@regionjh.onmicrosoft.com', name: 'Anna Berg' };
const context = (mentions?: Map<string, MentionTarget>): CardContext => ({
  language: 'sv',
  tabUrl: 'https://teams.microsoft.com/l/entity/app-id/balanslista',
  today: '2022-12-01',
  eventKey: 'action/1/2022-12-05/soon',
  mentions,
});
const due = (name: string): DueAction => ({
  action: action('a1', { id: '1', title: 'Återkom med förslag', group: 'Fredagsgruppen', person: { name, lookupId: '14' }, due: '2022-12-05' }),
  stage: 'soon',
  days: 4,
  errandTitle: null,
  meeting: null,
  eventKey: 'action/1/2022-12-05/soon',
});
const responsible = (card: Record<string, unknown>) =>
  ((card.body as Array<{ type: string; facts?: Array<{ title: string; value: string }> }>).find((element) => element.type === 'FactSet')?.facts ?? []).find(
    (fact) => fact.title === 'Ansvarig',
  )?.value;

describe('a mention of the responsible person', () => {
  it('is <at>Name</at> in the Ansvarig fact with its entity, and the card stays valid', () => {
    const card = renderer.actionReminder(due('Anna Berg'), context(new Map([['14', anna]])));
    expect(cardProblems(card)).toEqual([]);
    expect(responsible(card)).toBe('Fredagsgruppen · <at>Anna Berg</at>');
    expect(card.msteams).toEqual({ entities: [{ type: 'mention', text: '<at>Anna Berg</at>', mentioned: { id: anna.id, name: 'Anna Berg' } }] });
  });

  it('carries a hostile name only as plain words, the same in the text and the entity', () => {
    const hostile = 'Anna</at><at>Alla **fet** [länk](https://evil.example) ${x}';
    const card = renderer.actionReminder(due(hostile), context(new Map([['14', anna]])));
    expect(cardProblems(card)).toEqual([]);
    expect(responsible(card)).toBe('Fredagsgruppen · <at>Anna at at Alla fet länk https evil.example x</at>');
    expect((card.msteams as { entities: Array<{ text: string }> }).entities[0]?.text).toBe('<at>Anna at at Alla fet länk https evil.example x</at>');
    expect(mentionName('<<>>')).toBe('');
    expect(mentionName('  -Åsa Öberg-Lind  ')).toBe('Åsa Öberg-Lind');
  });

  it('is left out when the person was not resolved: the name is shown escaped, with no entities', () => {
    const card = renderer.actionReminder(due('Anna_Berg'), context(new Map()));
    expect(responsible(card)).toBe('Fredagsgruppen · Anna\\_Berg');
    expect(card).not.toHaveProperty('msteams');
    // A name that leaves nothing to put inside the tags is not mentioned either.
    const empty = renderer.actionReminder(due('<<>>'), context(new Map([['14', anna]])));
    expect(empty).not.toHaveProperty('msteams');
  });

  it('is made once per person in the day-after card, however many of its actions they have', () => {
    const outcome: MeetingOutcome = {
      meeting: { id: '8', key: 'svom-nov', title: 'SVOM november', date: '2022-11-17' },
      errands: [
        {
          errand: errand('nov-1', { title: 'Handlingsplan', decision: 'Beslutat.' }),
          actions: [
            action('a1', { title: 'Första', person: { name: 'Anna Berg', lookupId: '14' }, due: '2022-12-05' }),
            action('a2', { title: 'Andra', person: { name: 'Anna Berg', lookupId: '14' }, due: '2022-12-09' }),
            action('a3', { title: 'Tredje', person: { name: 'Bo Ek', lookupId: '15' }, due: '2022-12-09' }),
          ],
        },
      ],
      minutesUrl: null,
    };
    const card = renderer.meetingOutcome(outcome, context(new Map([['14', anna]])));
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card.body).match(/<at>Anna Berg<\/at>/g)).toHaveLength(2);
    expect(JSON.stringify(card.body)).toContain('• Uppdrag: Tredje – Bo Ek, klart senast fredag 2022-12-09');
    expect((card.msteams as { entities: unknown[] }).entities).toHaveLength(1);
  });
});
