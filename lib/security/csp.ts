/** A Content-Security-Policy header as directive name (lower case) to its sources, for tests. */
export function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    // A repeated directive is ignored by browsers: keep the first, as they do.
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * The promises every policy we send keeps, whatever the response: no plug-ins, no framing, no
 * <base> or form target elsewhere, and scripts from this origin only (or none), never inline
 * scripts (outside `next dev`), never eval.
 * Returns what is broken, empty when the policy holds.
 */
export function cspViolations(header: string | null | undefined): string[] {
  if (!header) return ['no Content-Security-Policy header'];
  const csp = parseCsp(header);
  const problems: string[] = [];
  const expect = (directive: string, allowed: string[][]) => {
    const sources = csp.get(directive);
    if (!sources) return problems.push(`${directive} is missing`);
    if (!allowed.some((set) => set.length === sources.length && set.every((s) => sources.includes(s)))) {
      problems.push(`${directive} is "${sources.join(' ')}"`);
    }
  };
  expect('object-src', [["'none'"]]);
  expect('frame-ancestors', [["'none'"]]);
  expect('base-uri', [["'self'"], ["'none'"]]);
  expect('form-action', [["'self'"], ["'none'"]]);
  const scripts = csp.get('script-src') ?? csp.get('default-src');
  if (!scripts) problems.push('script-src is missing');
  else {
    const foreign = scripts.filter((s) => !["'self'", "'none'"].includes(s));
    if (foreign.length > 0) problems.push(`script-src allows ${foreign.join(' ')}`);
  }
  return problems;
}
