/**
 * The agreements' validity periods on one time axis with today marked, so expiries are seen at
 * a glance. Each agreement is a line of text (its whole name, status and end date, wrapping on a
 * narrow screen) over a bar on the shared axis; the today line runs through the bars only, never
 * through text. Status is carried by the words, the bar's colour only repeats it.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { AgreementState } from '../../../../src/domain/types';
import type { AgreementView } from '../../../../src/view-model';
import { useApp } from '../components/app-context';
import { dateValue } from '../format';

const DAY_MS = 86_400_000;

const FILL: Record<AgreementState, string> = {
  active: tokens.colorPaletteGreenBorderActive,
  expiring: tokens.colorPaletteMarigoldBorderActive,
  expired: tokens.colorPaletteRedBorderActive,
  unknown: tokens.colorNeutralStrokeAccessible,
};

const useStyles = makeStyles({
  figure: { margin: `${tokens.spacingVerticalL} 0`, maxWidth: '60rem' },
  caption: { fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2, marginBottom: tokens.spacingVerticalS },
  // Every positioned part (years, today, bars) lives in a box of the same width, so one
  // percentage means one date in all of them.
  lane: { position: 'relative' },
  years: { height: '18px', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  year: { position: 'absolute', top: 0, paddingLeft: '3px', borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, lineHeight: '18px' },
  todayRow: { height: '22px', fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  todayLabel: { position: 'absolute', top: '2px', whiteSpace: 'nowrap', paddingLeft: '6px', paddingRight: '6px' },
  rows: { listStyleType: 'none', margin: 0, padding: 0 },
  row: { padding: `${tokens.spacingVerticalXS} 0` },
  label: { margin: `0 0 ${tokens.spacingVerticalXXS} 0`, fontSize: tokens.fontSizeBase300 },
  facts: { color: tokens.colorNeutralForeground2 },
  track: { height: '14px', backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall },
  bar: { position: 'absolute', top: '2px', height: '10px', borderRadius: tokens.borderRadiusSmall, minWidth: '4px' },
  // Below, the today line: dashed, from the today label down through every bar.
  todayLine: { position: 'absolute', top: 0, bottom: 0, width: 0, borderLeft: `2px dashed ${tokens.colorNeutralForeground1}` },
  tick: { position: 'absolute', top: 0, bottom: 0, width: 0, borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

interface Props {
  agreements: AgreementView[];
  today: string;
}

/** The axis: whole years from the earliest date shown (or today) to the year after the latest. */
function axisOf(agreements: AgreementView[], today: string) {
  const dates = agreements.flatMap((item) => [item.agreement?.validity.from, item.agreement?.validity.to]).filter((d): d is string => !!d);
  const years = [...dates, today].map((date) => Number(date.slice(0, 4)));
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years) + 1;
  const start = dateValue(`${firstYear}-01-01`);
  const end = dateValue(`${lastYear}-01-01`);
  const step = Math.max(1, Math.ceil((lastYear - firstYear) / 8));
  const ticks: number[] = [];
  for (let year = firstYear; year < lastYear; year += step) ticks.push(year);
  /** Where `value` (ms) lies on the axis, in percent. */
  const at = (value: number) => Math.min(100, Math.max(0, ((value - start) / (end - start)) * 100));
  return { ticks, at, percent: (date: string) => at(dateValue(date)) };
}

/**
 * The bar of one agreement, as left/width in percent and how its ends are drawn. A period with
 * no known start runs from the axis's start and fades in; one with no known end fades out.
 */
function barOf(item: AgreementView, percent: (date: string) => number, at: (value: number) => number) {
  const from = item.agreement?.validity.from ?? null;
  const to = item.agreement?.validity.to ?? null;
  if (!from && !to) return null;
  const left = from ? percent(from) : 0;
  // The last valid day counts in full.
  const right = to ? at(dateValue(to) + DAY_MS) : 100;
  const colour = FILL[item.status];
  const background = !from ? `linear-gradient(to right, transparent, ${colour} 60%)` : !to ? `linear-gradient(to right, ${colour} 40%, transparent)` : colour;
  return { left, width: Math.max(0, right - left), background };
}

export function AgreementTimeline({ agreements, today }: Props) {
  const { strings } = useApp();
  const styles = useStyles();
  const { ticks, at, percent } = axisOf(agreements, today);
  const now = percent(today);
  // Right of the line, or left of it in the right half, so the label stays within the chart.
  const todayLeft = now > 50;

  const factsOf = (item: AgreementView): string => {
    const from = item.agreement?.validity.from ?? null;
    const to = item.agreement?.validity.to ?? null;
    const parts = [strings.agreementState[item.status]];
    if (to) parts.push(strings.endsOn(to));
    else if (from) parts.push(strings.openEnded);
    if (to && !from) parts.push(strings.startUnknown);
    if (!to && !from) parts.push(strings.unknownDates);
    return parts.join(' · ');
  };

  return (
    <figure className={styles.figure} aria-labelledby="timeline-title" data-timeline>
      <h3 id="timeline-title">{strings.timelineTitle}</h3>
      <figcaption className={styles.caption}>{strings.timelineDescription(today)}</figcaption>
      <div aria-hidden="true">
        <div className={mergeClasses(styles.lane, styles.years)}>
          {ticks.map((year) => (
            <span key={year} className={styles.year} style={{ left: `${percent(`${year}-01-01`)}%` }}>
              {year}
            </span>
          ))}
        </div>
        <div className={mergeClasses(styles.lane, styles.todayRow)}>
          <span className={styles.todayLine} style={{ left: `${now}%`, top: '14px' }} />
          <span className={styles.todayLabel} style={todayLeft ? { right: `${100 - now}%` } : { left: `${now}%` }} data-today>
            {strings.today} {today}
          </span>
        </div>
      </div>
      <ul className={styles.rows}>
        {agreements.map((item) => {
          const bar = barOf(item, percent, at);
          return (
            <li key={item.id} className={styles.row} data-agreement={item.key}>
              <p className={styles.label}>
                <bdi>{item.title || strings.untitled}</bdi> <span className={styles.facts}>· {factsOf(item)}</span>
              </p>
              <div className={mergeClasses(styles.lane, styles.track)} aria-hidden="true">
                {ticks.map((year) => (
                  <span key={year} className={styles.tick} style={{ left: `${percent(`${year}-01-01`)}%` }} />
                ))}
                {bar ? <span className={styles.bar} data-bar style={{ left: `${bar.left}%`, width: `${bar.width}%`, background: bar.background }} /> : null}
                <span className={styles.todayLine} style={{ left: `${now}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
