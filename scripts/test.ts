/**
 * `npm test`: every check and every tier, in order, then one line
 * "N passed, N failed" over all of them. Each check that is not a vitest
 * test (type-check, lint, build, web-ext lint, browsers present) counts as one.
 * `npm test -- --repeat N` runs the browser tier N times and says how often
 * each test failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const results: Array<{ name: string; passed: number; failed: number }> = [];

function run(name: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  console.log(`${ok ? '✔' : '✘'} ${name}`);
  return ok;
}

function webExtLint(): void {
  console.log('\n▶ web-ext lint on dist/firefox (0 errors and 0 warnings wanted)');
  const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--output', 'json', '--self-hosted'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  let ok = false;
  try {
    const report = JSON.parse(r.stdout) as {
      summary: { errors: number; warnings: number };
      errors: Array<{ code: string; message: string }>;
      warnings: Array<{ code: string; message: string }>;
    };
    for (const m of [...report.errors, ...report.warnings]) console.log(`  ${m.code}: ${m.message}`);
    console.log(`  ${report.summary.errors} errors, ${report.summary.warnings} warnings`);
    ok = report.summary.errors === 0 && report.summary.warnings === 0;
  } catch {
    console.log(r.stdout, r.stderr);
  }
  results.push({ name: 'web-ext lint', passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  console.log(`${ok ? '✔' : '✘'} web-ext lint`);
}

function browsersPresent(): void {
  const needed = [
    ['Chromium', '/usr/lib/chromium/chromium', 'apt-get install -y chromium'],
    ['Firefox ESR', '/usr/bin/firefox-esr', 'apt-get install -y firefox-esr'],
  ];
  for (const [label, path, install] of needed) {
    const ok = existsSync(path as string);
    if (!ok) console.log(`✘ ${label} is missing at ${path}; the browser tier fails without it. Install: ${install}`);
    results.push({ name: `${label} present`, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  }
}

function vitest(): void {
  const out = join(ROOT, 'test-results');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const report = join(out, 'vitest.json');
  run('vitest: unit, dom and browser tiers', 'npx', [
    'vitest',
    'run',
    '--reporter=verbose',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  results.pop(); // counted per test below, not as one step
  if (!existsSync(report)) {
    results.push({ name: 'vitest (no report written)', passed: 0, failed: 1 });
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
  };
  // A skipped test proves nothing: it counts as failed. A file that failed to
  // load (its tests never ran) counts once.
  const skipped = json.numPendingTests + json.numTodoTests;
  if (skipped > 0) console.log(`✘ ${skipped} tests were skipped; skipping is not allowed here`);
  results.push({
    name: 'vitest',
    passed: json.numPassedTests,
    failed: json.numFailedTests + skipped + (json.numFailedTests === 0 ? json.numFailedTestSuites : 0),
  });
}

interface VitestReport {
  testResults: Array<{ name: string; assertionResults: Array<{ fullName: string; status: string }> }>;
}

/**
 * `--repeat N`: the browser tier N times over one build, and how often each
 * test failed. A flaky test shows here before it turns good work away.
 */
function repeatBrowserTier(times: number): void {
  const out = join(ROOT, 'test-results');
  mkdirSync(out, { recursive: true });
  const failures = new Map<string, number>();
  for (let i = 1; i <= times; i++) {
    const report = join(out, `browser-${i}.json`);
    rmSync(report, { force: true });
    console.log(`\n▶ browser tier, run ${i} of ${times}`);
    spawnSync('npx', ['vitest', 'run', '--project', 'browser', '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`], {
      cwd: ROOT,
      stdio: 'inherit',
      env: process.env,
    });
    if (!existsSync(report)) {
      results.push({ name: `browser tier run ${i} (no report written)`, passed: 0, failed: 1 });
      failures.set('(the run wrote no report)', (failures.get('(the run wrote no report)') ?? 0) + 1);
      continue;
    }
    const json = JSON.parse(readFileSync(report, 'utf8')) as VitestReport;
    let passed = 0;
    let failed = 0;
    for (const file of json.testResults) {
      for (const test of file.assertionResults) {
        if (test.status === 'passed') passed++;
        else {
          failed++;
          const key = `${file.name.replace(`${ROOT}/`, '')} > ${test.fullName}`;
          failures.set(key, (failures.get(key) ?? 0) + 1);
        }
      }
    }
    results.push({ name: `browser tier run ${i}`, passed, failed });
  }
  console.log(`\nFailures per test over ${times} runs of the browser tier:`);
  if (failures.size === 0) console.log('  none');
  for (const [name, count] of [...failures].sort((a, b) => b[1] - a[1])) console.log(`  ${count} of ${times}: ${name}`);
}

const repeatAt = process.argv.indexOf('--repeat');
if (repeatAt !== -1) {
  const times = Number(process.argv[repeatAt + 1]);
  if (!Number.isInteger(times) || times < 1) {
    console.error('--repeat takes a whole number of runs, for example --repeat 5');
    process.exit(2);
  }
  if (run('build', 'npx', ['tsx', 'scripts/build.ts'])) repeatBrowserTier(times);
} else {
  run('type-check', 'npx', ['tsc', '--noEmit']);
  run('lint', 'npx', ['eslint', '.']);
  const built = run('build', 'npx', ['tsx', 'scripts/build.ts']);
  if (built) webExtLint();
  browsersPresent();
  vitest();
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log('');
for (const r of results.filter((x) => x.failed > 0)) console.log(`failed: ${r.name} (${r.failed})`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
