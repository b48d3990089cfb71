// `npm run content:check`: validates every file under CONTENT_DIR (default content/), prints one
// line per problem and exits non-zero when there is any.
import { contentRoot, contentRootExists, loadContent } from '../lib/content/load';
import { formatProblem } from '../lib/content/problems';

const root = contentRoot();
if (!(await contentRootExists(root))) {
  console.error(`content:check: ${root} is not a folder (set CONTENT_DIR to the content root)`);
  process.exit(2);
}
const { stories, problems } = await loadContent(root);
for (const problem of problems) console.error(formatProblem(problem));
if (problems.length > 0) {
  console.error(`\ncontent:check: ${problems.length} problem(s) in ${root}`);
  process.exit(1);
}
console.log(`content:check: ${stories.size} stories OK in ${root}`);
