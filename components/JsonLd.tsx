import { serializeJsonLd } from '@/lib/seo/jsonLd';

/** Structured data for search engines; the serializer escapes anything that could end the script. */
export function JsonLd({ data }: { data: Record<string, unknown> | Array<Record<string, unknown>> }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
