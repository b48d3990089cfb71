// `postbuild`: records what content the build rendered (a hash per story), so a server started
// later re-renders exactly the stories edited since (lib/content/contentRepository.ts).
import { fingerprintContent } from '../lib/content/diff';
import { withoutDraftVersions } from '../lib/content/drafts';
import { createFileContentLoader } from '../lib/content/fileContentLoader';
import { contentRoot } from '../lib/content/root';
import { buildFingerprintsFile, contentCacheFile, writeBuildFingerprints } from '../lib/content/snapshots';

const root = contentRoot();
const content = withoutDraftVersions(await createFileContentLoader(root, contentCacheFile(root)).load());
await writeBuildFingerprints(fingerprintContent(content));
console.log(`content fingerprints of ${content.stories.size} stories written to ${buildFingerprintsFile()}`);
