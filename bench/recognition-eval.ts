/**
 * `npm run eval:recognition [-- --check | --cli-root DIR | --quiet]`: precision and recall of
 * what the extension highlights on tests/fixtures/recognition-eval, per
 * language, for people and for everything else, measured through
 * `npx tsx scripts/mentions.ts --json` exactly as the held-out acceptance
 * check measures it. Then every error with its context.
 *
 * `--check` only validates the set (spans fit their text, sources listed) and
 * prints its make-up: for annotators, who must not look at the matcher's
 * output first. `--cli-root DIR` runs another checkout's CLI against this set
 * (before/after figures). `--quiet` leaves out the list of errors.
 *
 * Exit status: 0 when every threshold holds, 1 when one does not, 2 on an
 * inconsistent set or a CLI failure.
 */
import path from 'node:path';
import {
  EVAL_DIR,
  REPO_ROOT,
  formatComposition,
  formatScore,
  loadCorpus,
  mentionsByCli,
  score,
  shortfalls,
  type Excerpt,
} from '../tests/support/recognition-eval';

function main(argv: readonly string[]): number {
  const at = argv.indexOf('--cli-root');
  const cliRoot = at >= 0 ? path.resolve(argv[at + 1] ?? '.') : REPO_ROOT;
  let corpus: Excerpt[];
  try {
    corpus = loadCorpus();
  } catch (e) {
    process.stderr.write(`recognition-eval: ${(e as Error).message}\n`);
    return 2;
  }
  if (argv.includes('--check')) {
    process.stdout.write(
      `${corpus.length} excerpts, consistent.\n\n${formatComposition(corpus)}\n`,
    );
    return 0;
  }
  let output;
  try {
    output = mentionsByCli(corpus, EVAL_DIR, cliRoot);
  } catch (e) {
    process.stderr.write(`recognition-eval: ${(e as Error).message}\n`);
    return 2;
  }
  const s = score(corpus, output);
  const where = path.relative(REPO_ROOT, cliRoot) || '.';
  process.stdout.write(
    `via npx tsx scripts/mentions.ts --json in ${where}: ${corpus.length} excerpts\n\n` +
      `${formatComposition(corpus)}\n\n${formatScore(s, corpus, !argv.includes('--quiet'))}\n`,
  );
  return shortfalls(s).length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
