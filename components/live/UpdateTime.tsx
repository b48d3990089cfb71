import { useFormatter } from 'next-intl';

/** An update's time in the reader's language and the newsroom's time zone (i18n/locales.json). */
export function UpdateTime({ time }: { time: string }) {
  const format = useFormatter();
  return <time dateTime={time}>{format.dateTime(new Date(time), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}</time>;
}
