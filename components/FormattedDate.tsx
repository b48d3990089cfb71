import { useFormatter } from 'next-intl';
import { calendarDay, DATELINE_FORMAT } from '@/lib/dates';

/** A dateline in the reader's language, machine-readable through `datetime`. */
export function FormattedDate({ date, localDate }: { date: string; localDate: string }) {
  const format = useFormatter();
  return <time dateTime={date}>{format.dateTime(calendarDay(localDate), DATELINE_FORMAT)}</time>;
}
