import { absoluteUrl } from '@/lib/seo/absolute';

/** Printed under the story so a paper copy says where it came from. Hidden on screen. */
export function PrintUrl({ path }: { path: string }) {
  return (
    <p className="print-only mt-6 text-sm" data-component="print-url">
      {absoluteUrl(path)}
    </p>
  );
}
