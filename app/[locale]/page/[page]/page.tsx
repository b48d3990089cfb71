import { FrontPage, generateFrontMetadata } from '../../_listing/frontRoute';

// `/{locale}?page=N`, rewritten here by the proxy so each page is cached; reached directly, a 404.
export const revalidate = 30;
export const generateStaticParams = () => [];
export const generateMetadata = generateFrontMetadata;
export default FrontPage;
