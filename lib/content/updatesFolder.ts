/** A live story's updates live in this folder of the story's (lib/content/liveUpdates.ts reads it). */
export const UPDATES_FOLDER = 'updates';

/**
 * An update's file name, as lib/content/liveUpdates.ts reads it: its local time to the minute (so
 * the folder lists updates in order), its id and its language. `localTime` starts "YYYY-MM-DDTHH:MM".
 */
export function updateFileName(localTime: string, id: string, locale: string): string {
  return `${localTime.slice(0, 10)}T${localTime.slice(11, 13)}-${localTime.slice(14, 16)}-${id}.${locale}.md`;
}
