// `npm run content:check`: validates every file under CONTENT_DIR (default content/), prints one
// line per problem and exits non-zero when there is any.
import { registryProblems } from '../i18n/registryProblems';
import { createFileContentLoader } from '../lib/content/fileContentLoader';
import { readFoldersInParallel } from '../lib/content/parallelFolders';
import { contentRoot, contentRootExists } from '../lib/content/root';
import { contentCacheFile } from '../lib/content/snapshots';
import { formatProblem, problemLanguage } from '../lib/content/problems';

// The languages first: content is checked against them (file names, taxonomy names).
const languageProblems = registryProblems(process.cwd());
if (languageProblems.length > 0) {
  for (const problem of languageProblems) console.error(problem);
  process.exit(2);
}

const root = contentRoot();
if (!(await contentRootExists(root))) {
  console.error(`content:check: ${root} is not a folder (set CONTENT_DIR to the content root)`);
  process.exit(2);
}
// Through the content cache: folders unchanged since the last load (same files, sizes and
// times) keep their checked result, so a 10,000-story archive is checked in seconds. Folders to
// read are spread over every core.
const loader = createFileContentLoader(root, contentCacheFile(root), console, readFoldersInParallel());
const { stories, problems } = await loader.load();
await loader.flush();
const language = problemLanguage();
for (const problem of problems) console.error(formatProblem(problem, language));
if (problems.length > 0) {
  console.error(
    language === 'ru'
      ? `\ncontent:check: проблем: ${problems.length}, в ${root}`
      : `\ncontent:check: ${problems.length} problem(s) in ${root}`,
  );
  process.exit(1);
}
console.log(language === 'ru' ? `content:check: материалов без ошибок: ${stories.size}, в ${root}` : `content:check: ${stories.size} stories OK in ${root}`);
