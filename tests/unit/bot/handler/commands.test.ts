import { normalize, parseCommand } from '../../../../bot/handler';

describe('parseCommand', () => {
  test.each([
    ['möten', 'meetings', 'sv'],
    ['Meetings', 'meetings', 'en'],
    ['<at>Balanslistan</at> avtal', 'agreements', 'sv'],
    ['<at>Balanslistan</at>&nbsp;agreements.', 'agreements', 'en'],
    ['HJÄLP!', 'help', 'sv'],
    ['help', 'help', 'en'],
    ['posta här', 'post-here', 'sv'],
    ['Post here', 'post-here', 'en'],
  ])('"%s" is %s (%s)', (text, kind, language) => {
    expect(parseCommand(text)).toEqual({ command: { kind }, spokenLanguage: language });
  });

  test('language switches in both languages', () => {
    expect(parseCommand('språk engelska').command).toEqual({ kind: 'language', language: 'en' });
    expect(parseCommand('language swedish').command).toEqual({ kind: 'language', language: 'sv' });
    expect(parseCommand('Språk svenska').command).toEqual({ kind: 'language', language: 'sv' });
  });

  test('an empty message asks for help; anything else is unknown, with the text kept for the help card', () => {
    expect(parseCommand('<at>Balanslistan</at>').command).toEqual({ kind: 'help' });
    expect(parseCommand('Vad gör du?')).toEqual({ command: { kind: 'unknown', text: 'vad gör du?' }, spokenLanguage: null });
  });

  test('normalize strips mentions and markup', () => {
    expect(normalize('<at>Bot</at> <p>Möten</p>')).toBe('möten');
  });
});
