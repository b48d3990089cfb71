import type { Segment } from '@/lib/search/snippet';

/** Text with the matched words in <mark>: text nodes only, so a query or a story is never markup. */
export function SearchHighlight({ segments }: { segments: Segment[] }) {
  return segments.map((segment, i) =>
    segment.match ? (
      <mark key={i} className="rounded-sm bg-notice text-ink">
        {segment.text}
      </mark>
    ) : (
      segment.text
    ),
  );
}
