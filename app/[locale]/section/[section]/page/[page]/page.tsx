import { listingRoute } from '../../../../_listing/listingRoute';

const route = listingRoute('section');
// Cached like story pages, regenerated in the background at most every 30 s, and re-rendered at
// once by live edits (app/api/revalidate). Page N of `?page=N`, rewritten here by the proxy.
export const revalidate = 30;
export const generateStaticParams = () => [];
export const generateMetadata = route.generateMetadata;
export default route.Page;
