import { FrontPage, generateFrontMetadata } from './_listing/frontRoute';

// Cached and regenerated in the background at most every 30 s (Popular stays fresh within a
// minute); live edits re-render it at once (app/api/revalidate).
export const revalidate = 30;
export const generateMetadata = generateFrontMetadata;
export default FrontPage;
