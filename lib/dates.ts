/**
 * A story's dateline is the calendar day where it happened (the date as written, in its own
 * offset), not the day in the server's or reader's zone. Format it at UTC midnight in UTC.
 */
export function calendarDay(localDate: string): Date {
  const [year, month, day] = localDate.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day!));
}

export const DATELINE_FORMAT = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
