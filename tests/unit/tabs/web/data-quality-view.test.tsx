/**
 * @jest-environment jsdom
 */
/**
 * Datakvalitet with an agreement that states no validity at all: listed as a warning, apart from
 * the unreadable values (errors), in words saying nobody is reminded about it; Swedish and English.
 */
import { render, screen, within } from '@testing-library/react';
import { AppContext } from '../../../../tabs/web/src/components/app-context';
import { en, sv, type Strings } from '../../../../tabs/web/src/i18n/strings';
import { browserHost } from '../../../../tabs/web/src/teams/host';
import { DataQualityPanel } from '../../../../tabs/web/src/views/data-quality-view';
import type { Problem } from '../../../../src/domain/types';
import { fixtureView } from './fixture';

const SP = 'https://contoso.sharepoint.com/sites/svom/Lists/Balanslista/DispForm.aspx?ID=';

const missing: Problem = {
  list: 'balance',
  itemId: '14',
  title: 'Överenskommelse tandvård – uppsökande tandvård',
  field: 'ValidityText',
  code: 'missing-validity',
  value: '',
  message: 'The agreement has no validity (ValidityText, ValidFrom and ValidTo are empty), so nobody is reminded before it ends.',
  editUrl: `${SP}14`,
};

function renderPanel(strings: Strings, problems: Problem[]) {
  const view = fixtureView();
  return render(
    <AppContext.Provider value={{ strings, host: browserHost({ locale: strings.language === 'en' ? 'en-GB' : 'sv-SE', theme: 'light' }) }}>
      <DataQualityPanel view={{ ...view, problems: [...view.problems, ...problems] }} />
    </AppContext.Provider>,
  );
}

function rowOf(title: string): HTMLElement {
  const row = screen.getByText(title).closest('tr');
  if (!row) throw new Error(`no row for ${title}`);
  return row;
}

describe('Datakvalitet: an agreement without any validity', () => {
  it('is a warning in Swedish saying nobody is reminded, apart from the unreadable validity (an error)', () => {
    renderPanel(sv, [missing]);
    const row = rowOf('Överenskommelse tandvård – uppsökande tandvård');
    expect(row.dataset.problem).toBe('missing-validity');
    expect(row.dataset.severity).toBe('warning');
    expect(within(row).getByText('Varning')).toBeTruthy();
    expect(within(row).getByText('Giltighetstid saknas, så ingen påminns innan avtalet går ut')).toBeTruthy();
    expect(within(row).getByText('ValidityText')).toBeTruthy();

    const unreadable = rowOf('Tandvårdsavtal');
    expect(unreadable.dataset.severity).toBe('error');
    expect(within(unreadable).getByText('Fel')).toBeTruthy();
    expect(within(unreadable).getByText('Giltighetstiden går inte att tolka')).toBeTruthy();
    expect(screen.getByText(/Varningar gäller uppgifter som saknas/).textContent).toContain('ingen påminns om den');
  });

  it('says the same in English', () => {
    renderPanel(en, [missing]);
    const row = rowOf('Överenskommelse tandvård – uppsökande tandvård');
    expect(within(row).getByText('Warning')).toBeTruthy();
    expect(within(row).getByText('No validity is given, so nobody is reminded before the agreement ends')).toBeTruthy();
    expect(screen.getByText(/Warnings are about values that are missing/)).toBeTruthy();
  });

  it('does not explain warnings when every problem is an error', () => {
    renderPanel(sv, []);
    expect(screen.getByText('Fel')).toBeTruthy();
    expect(screen.queryByText('Varning')).toBeNull();
    expect(screen.queryByText(/Varningar gäller/)).toBeNull();
  });
});

describe("Datakvalitet: the forum's year's lists", () => {
  const errandProblem = (code: Problem['code'], title: string, field: string, value: string): Problem => ({
    list: 'errands',
    itemId: '7',
    title,
    field,
    code,
    value,
    message: '',
    editUrl: 'https://contoso.sharepoint.com/sites/svom/Lists/Arenden/DispForm.aspx?ID=7',
  });
  const missingList: Problem = {
    list: 'sections',
    itemId: '',
    title: 'Avsnitt SVOM',
    field: null,
    code: 'missing-list',
    value: 'sections',
    message: '',
    editUrl: '',
  };

  it('names an ärende pointing at a missing meeting or entry, in its list, with a link to edit it', () => {
    renderPanel(sv, [
      errandProblem('unknown-meeting', 'Fel möte', 'MeetingKey', 'finns-inte'),
      errandProblem('unknown-entry', 'Fel nyckel', 'EntryKeys', 'saknas'),
    ]);
    const meeting = rowOf('Fel möte');
    expect(meeting.dataset.severity).toBe('error');
    expect(within(meeting).getByText('Ärendet gäller ett möte som inte finns i möteslistan')).toBeTruthy();
    expect(within(meeting).getByText('Ärendelistan')).toBeTruthy();
    expect(within(meeting).getByText('finns-inte')).toBeTruthy();
    expect(within(meeting).getByRole('link').getAttribute('href')).toContain('/Lists/Arenden/DispForm.aspx?ID=7');
    expect(within(rowOf('Fel nyckel')).getByText('Ärendet gäller en nyckel som inte finns i balanslistan')).toBeTruthy();
  });

  it('warns of a list missing on the site, without an item link, in English too', () => {
    renderPanel(en, [missingList]);
    const row = rowOf('Avsnitt SVOM');
    expect(row.dataset.severity).toBe('warning');
    expect(within(row).getByText('The list does not exist on the site yet (run npm run provision)')).toBeTruthy();
    expect(within(row).getByText('Sections list')).toBeTruthy();
    expect(within(row).queryByRole('link')).toBeNull();
    expect(within(row).queryByText(/Item/)).toBeNull();
  });
});
