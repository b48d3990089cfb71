import { z } from 'zod';

const revalidateBody = z
  .object({
    scope: z.enum(['changes', 'all']).optional(),
    // Folder names as the watcher saw them; an invalid one is reported by the loader, not here.
    slugs: z.array(z.string().max(200)).max(5_000).optional(),
    // The launcher's start-up asks for the hot paths it renders before it takes traffic.
    hotPaths: z.literal(true).optional(),
  })
  .strict();

export type RevalidateBody = z.infer<typeof revalidateBody>;

/** The body of POST /api/revalidate: empty (reload everything) or JSON; undefined when malformed. */
export function parseRevalidateBody(text: string): RevalidateBody | undefined {
  if (text.trim() === '') return {};
  try {
    const parsed = revalidateBody.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

