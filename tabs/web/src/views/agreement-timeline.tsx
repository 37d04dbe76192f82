/**
 * The agreements' validity periods on one time axis with today marked, so expiries are seen at
 * a glance. Each bar carries its status by colour and by the text beside it; the table above
 * holds the same facts for screen readers, so the picture is one labelled image.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { AgreementState } from '../../../../src/domain/types';
import type { AgreementView } from '../../../../src/view-model';
import { useApp } from '../components/app-context';
import { dateValue } from '../format';

const ROW = 34;
const TOP = 44;
const LABEL_W = 0;
const WIDTH = 720;
const BAR_H = 14;

const FILL: Record<AgreementState, string> = {
  active: tokens.colorPaletteGreenBorderActive,
  expiring: tokens.colorPaletteMarigoldBorderActive,
  expired: tokens.colorPaletteRedBorderActive,
  unknown: tokens.colorNeutralStrokeAccessible,
};

const useStyles = makeStyles({
  figure: { margin: `${tokens.spacingVerticalL} 0`, maxWidth: '60rem' },
  caption: { fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2, marginBottom: tokens.spacingVerticalS },
  // On a phone the picture keeps a readable size and scrolls sideways in its own region.
  scroll: { overflowX: 'auto', ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  svg: { width: '100%', minWidth: '36rem', height: 'auto', display: 'block' },
});

/** A halo in the background colour behind text, so the today line and the grid never run through a label. */
const HALO = { stroke: tokens.colorNeutralBackground2, strokeWidth: 4, strokeLinejoin: 'round', paintOrder: 'stroke' } as const;

interface Props {
  agreements: AgreementView[];
  today: string;
}

export function AgreementTimeline({ agreements, today }: Props) {
  const { strings } = useApp();
  const styles = useStyles();
  const dates = agreements.flatMap((item) => [item.agreement?.validity.from, item.agreement?.validity.to]).filter((d): d is string => !!d);
  const years = [...dates, today].map((date) => Number(date.slice(0, 4)));
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years) + 1;
  const start = dateValue(`${firstYear}-01-01`);
  const end = dateValue(`${lastYear}-01-01`);
  const x = (date: string) => LABEL_W + ((dateValue(date) - start) / (end - start)) * (WIDTH - LABEL_W);
  const height = TOP + agreements.length * ROW + 8;
  const ticks: number[] = [];
  const step = Math.max(1, Math.ceil((lastYear - firstYear) / 8));
  for (let year = firstYear; year <= lastYear; year += step) ticks.push(year);
  const todayLeft = x(today) > WIDTH - 120;
  const labelOf = (item: AgreementView) =>
    `${item.title} · ${strings.agreementState[item.status]}${item.agreement?.validity.to ? ` · ${item.agreement.validity.to}` : ` · ${strings.openEnded}`}`;

  return (
    <figure className={styles.figure} aria-labelledby="timeline-title">
      <h3 id="timeline-title">{strings.timelineTitle}</h3>
      <figcaption className={styles.caption}>{strings.timelineDescription(today)}</figcaption>
      <div className={styles.scroll} role="region" aria-labelledby="timeline-title" tabIndex={0}>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="timeline-title" focusable="false">
        {ticks.map((year) => {
          const tx = x(`${year}-01-01`);
          return (
            <g key={year}>
              <line x1={tx} x2={tx} y1={TOP - 6} y2={height} stroke={tokens.colorNeutralStroke2} strokeWidth={1} />
              <text x={tx + 3} y={14} fontSize={12} fill={tokens.colorNeutralForeground2} {...HALO}>
                {year}
              </text>
            </g>
          );
        })}
        {agreements.map((item, index) => {
          const y = TOP + index * ROW;
          const from = item.agreement?.validity.from ?? null;
          const to = item.agreement?.validity.to ?? null;
          const barStart = from ? x(from) : to ? x(to) - 8 : x(today) - 8;
          const barEnd = to ? x(to) + (WIDTH - LABEL_W) / ((end - start) / 86_400_000) : x(today);
          return (
            <g key={item.id} data-agreement={item.key}>
              <title>{labelOf(item)}</title>
              <rect
                x={barStart}
                y={y + 16}
                width={Math.max(4, barEnd - barStart)}
                height={BAR_H}
                rx={3}
                fill={FILL[item.status]}
                stroke={tokens.colorNeutralForeground1}
                strokeWidth={item.status === 'unknown' ? 1 : 0}
                strokeDasharray={item.status === 'unknown' ? '4 3' : undefined}
                fillOpacity={item.status === 'unknown' ? 0.35 : 1}
              />
            </g>
          );
        })}
        <line x1={x(today)} x2={x(today)} y1={TOP - 26} y2={height} stroke={tokens.colorNeutralForeground1} strokeWidth={2} strokeDasharray="6 3" />
        {/* Right of the line, or left of it near the right edge; on its own row below the years. */}
        <text
          x={todayLeft ? x(today) - 6 : x(today) + 6}
          textAnchor={todayLeft ? 'end' : 'start'}
          y={TOP - 14}
          fontSize={12}
          fontWeight={600}
          fill={tokens.colorNeutralForeground1}
          {...HALO}
        >
          {strings.today} {today}
        </text>
        {/* Labels last, over the today line, each on a halo so the line never runs through the text. */}
        {agreements.map((item, index) => {
          const label = labelOf(item);
          return (
            <text key={item.id} x={4} y={TOP + index * ROW + 11} fontSize={12} fill={tokens.colorNeutralForeground1} {...HALO}>
              {label.length > 110 ? `${label.slice(0, 107)}…` : label}
            </text>
          );
        })}
      </svg>
      </div>
    </figure>
  );
}
