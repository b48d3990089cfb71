/** A live story's updates live in this folder of the story's (lib/content/liveUpdates.ts reads it). */
export const UPDATES_FOLDER = 'updates';
