/**
 * Uppföljning: one year of the forum's work, as the annual report has it. The year's meetings by
 * kind (dates as far as they are known), then every section and entry of the balance list with
 * the ärenden that followed it up; entries without any stand out by a written marker and are
 * counted at the top. The Word file of the same year can be downloaded.
 */
import { Button, Field, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { meetingRefName } from '../../../../src/domain/errands';
import type { FollowUpRow, FollowUpSection, FollowUpYear, YearAction, YearErrand } from '../../../../src/domain/forum-year';
import { headingWithPeriod } from '../../../../src/domain/sections';
import type { BalanceListView } from '../../../../src/view-model';
import type { FollowUpClient, FollowUpResponse } from '../api/follow-up-client';
import { useApp } from '../components/app-context';
import { ActionItem } from '../components/action-item';
import { ErrandItem } from '../components/errand-item';
import { SaveDocument } from '../components/save-document';
import { actionStringsFor } from '../i18n/action-strings';
import { MeetingsByKind } from '../components/follow-up-meetings';
import { NoScriptSubmit } from '../components/no-script';
import { AgreementStateBadge } from '../components/status-badge';
import { useFollowUp } from '../hooks/use-follow-up';
import { formatPartialDate, withoutErrandCount, yearsOffered } from '../model/follow-up';
import type { UrlState } from '../model/url-state';
import { saveFile } from '../save-file';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM },
  year: { width: '10rem' },
  summary: {
    margin: `0 0 ${tokens.spacingVerticalM} 0`,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { margin: `0 0 ${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase400 },
  count: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  line: { margin: `${tokens.spacingVerticalXS} 0 0 0` },
  alert: { margin: `0 0 ${tokens.spacingVerticalM} 0`, color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/**
 * Where an ärende of the year was handled: its meeting when known, that the meeting it names is
 * missing (with the name given), or nothing when it names none (the 2017 document names none).
 */
function whenHandled(item: YearErrand, strings: ReturnType<typeof useApp>['strings']): string | null {
  if (item.meeting !== null) return `${formatPartialDate(item.meeting.date, strings)} · ${item.meeting.title || strings.untitled}`;
  return item.errand.meeting === null ? null : strings.errands.unknownMeeting(meetingRefName(item.errand.meeting));
}

/** Actions with their state on 31 December of `year` (a year's view from before actions has none). */
function YearActions({ actions = [], year }: { actions?: readonly YearAction[]; year: number }) {
  const { strings } = useApp();
  if (actions.length === 0) return null;
  const words = actionStringsFor(strings.language);
  return (
    <ul className="action-list">
      {actions.map(({ action, statusAtYearEnd }) => (
        <ActionItem
          key={action.id}
          action={action}
          today={`${year}-12-31`}
          state={{ text: words.atYearEnd(statusAtYearEnd, year), kind: statusAtYearEnd === 'open' ? 'open' : statusAtYearEnd }}
        />
      ))}
    </ul>
  );
}

function ErrandList({ items, year }: { items: YearErrand[]; year: number }) {
  const { strings } = useApp();
  const words = actionStringsFor(strings.language);
  return (
    <ol className="errand-list">
      {items.map((item) => {
        const when = whenHandled(item, strings);
        const actions = item.actions ?? [];
        return (
          <ErrandItem key={item.errand.id} errand={item.errand} context={when === null ? undefined : <bdi>{when}</bdi>}>
            {actions.length > 0 ? (
              <div className="errand-actions">
                <p className="errand-actions-heading">{words.underErrand(actions.length)}</p>
                <YearActions actions={actions} year={year} />
              </div>
            ) : null}
          </ErrandItem>
        );
      })}
    </ol>
  );
}

function Row({ row, year }: { row: FollowUpRow; year: number }) {
  const { strings } = useApp();
  const words = strings.followUp;
  const depth = Math.min(row.depth, 4);
  return (
    <li
      className={`fu-row fu-depth-${depth}${row.withoutErrand ? ' fu-row-without' : ''}`}
      data-entry-key={row.entry.key}
      data-without-errand={row.withoutErrand ? 'true' : undefined}
    >
      <div className="errand-line">
        <bdi className="fu-entry-title">{row.entry.title || strings.untitled}</bdi>
        <span className="errand-context">{strings.kinds[row.entry.kind]}</span>
        {row.errands.length > 0 ? <span className="errand-context">{words.errandCount(row.errands.length)}</span> : null}
        {row.withoutErrand ? (
          <span className="fu-without">
            <span aria-hidden="true">⚠ </span>
            {words.withoutErrand(year)}
          </span>
        ) : null}
        {row.agreementAtYearEnd ? (
          <span className="fu-agreement">
            <span className="errand-context">{words.agreementAtYearEnd(year)}:</span> <AgreementStateBadge state={row.agreementAtYearEnd.status} />
          </span>
        ) : null}
      </div>
      {row.entry.notes.trim() ? (
        <p className="bl-muted fu-notes">
          <bdi>{row.entry.notes}</bdi>
        </p>
      ) : null}
      {row.errands.length > 0 ? <ErrandList items={row.errands} year={year} /> : null}
    </li>
  );
}

function Section({ section, index, year }: { section: FollowUpSection; index: number; year: number }) {
  const { strings } = useApp();
  // The period is added only when the name does not already carry it, whatever its dash.
  const heading = section.section.name ? headingWithPeriod(section.section) : strings.followUp.unnamedSection;
  const id = `fu-section-${index}`;
  return (
    <section className="fu-section" aria-labelledby={id} data-section-key={section.section.key}>
      <h4 id={id} className="fu-section-heading">
        <bdi>{heading}</bdi>
      </h4>
      {section.section.description ? (
        <p className="bl-muted fu-description">
          <bdi>{section.section.description}</bdi>
        </p>
      ) : null}
      {section.rows.length === 0 ? (
        <p className="bl-muted">{strings.followUp.noEntriesInSection}</p>
      ) : (
        <ul className="fu-rows">
          {section.rows.map((row) => (
            <Row key={row.entry.id} row={row} year={year} />
          ))}
        </ul>
      )}
    </section>
  );
}

function YearContent({ year }: { year: FollowUpYear }) {
  const { strings } = useApp();
  const styles = useStyles();
  const words = strings.followUp;
  const { without, total } = withoutErrandCount(year);
  return (
    <>
      <div className={styles.summary} data-testid="follow-up-summary">
        <h3 className={styles.title}>{words.heading(year.year)}</h3>
        {total > 0 ? (
          <p className={styles.count}>{without > 0 ? words.withoutErrandCount(without, total, year.year) : words.allFollowedUp(total, year.year)}</p>
        ) : null}
        <p className={styles.line}>{words.errandsTotal(year.errands.length, year.year)}</p>
        {year.problems.length > 0 ? <p className={styles.line}>{words.problemsNote(year.problems.length)}</p> : null}
      </div>
      <MeetingsByKind year={year} />
      <section className="fu-block" aria-labelledby="fu-sections">
        <h3 id="fu-sections">{words.sectionsHeading}</h3>
        {year.sections.length === 0 ? <p>{words.noSections(year.year)}</p> : null}
        {year.sections.map((section, index) => (
          <Section key={section.section.key || `unnamed-${index}`} section={section} index={index} year={year.year} />
        ))}
      </section>
      {year.unplaced.length > 0 ? (
        <section className="fu-block" aria-labelledby="fu-unplaced">
          <h3 id="fu-unplaced">{words.unplacedHeading}</h3>
          <ErrandList items={year.unplaced} year={year.year} />
        </section>
      ) : null}
      <OpenAtYearEnd year={year} />
    </>
  );
}

/** The actions not done on 31 December; said only for a year with actions at all. */
function OpenAtYearEnd({ year }: { year: FollowUpYear }) {
  const { strings } = useApp();
  const words = actionStringsFor(strings.language);
  const open = year.openAtYearEnd ?? [];
  if (open.length === 0 && !year.errands.some((item) => (item.actions ?? []).length > 0)) return null;
  return (
    <section className="fu-block" aria-labelledby="fu-open-actions" data-testid="open-at-year-end">
      <h3 id="fu-open-actions">{words.openAtYearEndHeading(year.year)}</h3>
      {open.length === 0 ? <p>{words.openAtYearEndNone}</p> : <YearActions actions={open} year={year.year} />}
    </section>
  );
}

interface Props {
  view: BalanceListView;
  client: FollowUpClient;
  /** The year's follow-up the page came with (drawn on the server), shown without asking again. */
  initial?: FollowUpResponse | null;
  /** The address's state, for the year form's plain submit without the script. */
  state: UrlState;
  /** The year in the address; null for the current year. */
  year: number | null;
  onYear(year: number): void;
  /** A link asked for the Word file (`download=docx`): fetched once, as if the button was pressed. */
  downloadRequested?: boolean;
  /** Called when that request is taken, so the address forgets it. */
  onDownloadTaken?(): void;
}

export function FollowUpPanel({ view, client, initial = null, state, year, onYear, downloadRequested = false, onDownloadTaken }: Props) {
  const { strings } = useApp();
  const styles = useStyles();
  const words = strings.followUp;
  const currentYear = Number(view.today.slice(0, 4));
  const chosen = year ?? currentYear;
  const years = yearsOffered(view.meetings, view.errands, currentYear, chosen);
  const { data, error, loading } = useFollowUp(client, chosen, view.generatedAt, initial);
  const [download, setDownload] = useState<'idle' | 'busy' | 'failed'>('idle');

  const onDownload = () => {
    setDownload('busy');
    client
      .download(chosen)
      .then((blob) => {
        saveFile(blob, words.fileName(chosen));
        setDownload('idle');
      })
      .catch(() => setDownload('failed'));
  };

  useEffect(() => {
    if (!downloadRequested) return;
    onDownloadTaken?.();
    onDownload();
    // Only a new request starts a download; the handlers are new on every render.
  }, [downloadRequested]);

  return (
    <>
      {/* Without the script the year is chosen by sending the form (a GET to the same address), and
          the Word file is a plain link: the server draws the year of the address either way. */}
      <form className={styles.toolbar} method="get" onSubmit={(event) => event.preventDefault()}>
        <Field label={words.yearLabel} className={styles.year}>
          <Select name="year" value={String(chosen)} onChange={(_, selected) => onYear(Number(selected.value))}>
            {years.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </Select>
        </Field>
        <NoScriptSubmit state={{ ...state, view: 'uppfoljning' }} />
        <Button className="fu-download-button" appearance="primary" onClick={onDownload} disabled={download === 'busy'}>
          {download === 'busy' ? words.downloading : words.download}
        </Button>
        <SaveDocument key={chosen} request={{ kind: 'uppfoljning', year: chosen }} client={client} local={view.source === 'local'} />
        <noscript>
          <style>{'.fu-download-button, .save-document { display: none; }'}</style>
          <a className="fu-download-link" href={`/api/follow-up/${chosen}.docx`} download={words.fileName(chosen)}>
            {words.download}
          </a>
        </noscript>
      </form>
      {download === 'failed' ? (
        <p role="alert" className={styles.alert}>
          {words.downloadFailed}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className={styles.alert}>
          {error.invalidYear ? words.invalidYear : words.loadFailed}
        </p>
      ) : null}
      {data ? <YearContent year={data} /> : loading ? <Spinner label={strings.loading} /> : null}
    </>
  );
}
