/** Small pieces of an agreement shown alike in the table and on the cards. */
import type { AgreementView } from '../../../../src/view-model';
import type { Strings } from '../i18n/strings';

/** Days left as one phrase ("om 30 dagar", "för 245 dagar sedan"), with the number kept for sorting and machines. */
export function DaysLeft({ days, strings, nowrap }: { days: number | null; strings: Strings; nowrap?: boolean }) {
  if (days === null) return <>–</>;
  return (
    <data value={days} style={nowrap ? { whiteSpace: 'nowrap' } : undefined}>
      {strings.relativeDays(days)}
    </data>
  );
}

/** A date as one word: never broken at its hyphens in a narrow column. */
export function DateText({ date }: { date: string | null | undefined }) {
  if (!date) return <>–</>;
  return (
    <time dateTime={date} style={{ whiteSpace: 'nowrap' }}>
      {date}
    </time>
  );
}

/** The period as dates, "2022-01-01 – 2024-12-31", or what is known of it. */
export function Period({ item }: { item: AgreementView }) {
  const from = item.agreement?.validity.from ?? null;
  const to = item.agreement?.validity.to ?? null;
  if (!from && !to) return <>–</>;
  return (
    <>
      {from ? <DateText date={from} /> : '…'} – {to ? <DateText date={to} /> : '…'}
    </>
  );
}

/** The revision state in words, or a dash. */
export function revisionText(item: AgreementView, strings: Strings): string {
  return item.agreement?.revisionStatus ? strings.revisionStatus[item.agreement.revisionStatus] : '–';
}
