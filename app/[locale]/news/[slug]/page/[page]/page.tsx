import type { Metadata } from 'next';
import { StoryRoute, storyRouteMetadata } from '../../_story/storyRoute';

// Page N ≥ 2 of a live story's updates, where the proxy rewrites `/{locale}/news/{slug}?page=N`:
// asked for directly it is a 404 (lib/edge/routes.ts), so each page has one public address.
// Rendered on its first request and cached like page 1: no params at build time, but listed as
// static (without generateStaticParams Next renders it on every request, `private, no-store`).
export const revalidate = 30;
export const generateStaticParams = () => [];

export function generateMetadata({ params }: PageProps<'/[locale]/news/[slug]/page/[page]'>): Promise<Metadata> {
  return storyRouteMetadata(params);
}

export default function LiveUpdatesPage({ params }: PageProps<'/[locale]/news/[slug]/page/[page]'>) {
  return <StoryRoute params={params} />;
}
