#!/usr/bin/env node
// `npm test`: type-check and build schema + server, check the structure rules, run jest (schema, server; on PGlite and
// PostgreSQL), then the dashboard's tests if it has a `test` script, and end with exactly one line
// "N passed, N failed" over everything. Exits non-zero if anything failed or no test ran.
// Arguments go to jest, e.g. `npm test -- packages/server/test/config.test.ts`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'sendbench-test-results-'));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0 };

function run(label, command, args, env = {}) {
  process.stderr.write(`\n▶ ${label}: ${[path.relative(root, command) || command, ...args].join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) process.stderr.write(`✗ ${label}: ${result.error.message}\n`);
  return result.status === 0 && !result.error;
}

/** Adds a runner's JSON report (jest, or vitest's jest-compatible one) to the totals. */
function count(label, reportFile, exitedOk) {
  if (!fs.existsSync(reportFile)) {
    process.stderr.write(`✗ ${label}: no test report was written (${reportFile}); counted as one failure\n`);
    totals.failed += 1;
    return;
  }
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  // A test file that cannot run (syntax error, failing beforeAll import) has no failed test in it.
  const brokenSuites = report.numRuntimeErrorTestSuites ?? 0;
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += (report.numFailedTests ?? 0) + brokenSuites;
  if (!exitedOk && (report.numFailedTests ?? 0) + brokenSuites === 0) {
    process.stderr.write(`✗ ${label}: exited with an error after ${report.numTotalTests ?? 0} tests with none failed (no test files, a crash?); counted as one failure\n`);
    totals.failed += 1;
  }
}

function finish() {
  fs.rmSync(reports, { recursive: true, force: true });
  const ok = totals.failed === 0 && totals.passed > 0;
  if (totals.passed + totals.failed === 0) process.stderr.write('✗ no test ran\n');
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(ok ? 0 : 1);
}

// 1. Type-check and build (the CLI tests run packages/server/dist), then type-check the tests.
const built = run('type-check and build schema + server', bin('tsc'), ['-b', 'packages/schema', 'packages/server']);
const testsTyped = built && run('type-check server tests', bin('tsc'), ['-p', 'packages/server/test']);
if (!built || !testsTyped) {
  totals.failed += 1;
  finish();
}

// 2. The structure rules (.dependency-cruiser.cjs, docs/architecture.md): a broken rule is printed
// with its name and counts as a failure; the tests still run.
if (!run('structure rules', 'npm', ['run', '-s', 'check:structure'])) {
  process.stderr.write('✗ structure rules: a dependency rule is broken (named above); counted as one failure\n');
  totals.failed += 1;
}

// 3. jest: schema and server (PGlite needs --experimental-vm-modules).
const jestReport = path.join(reports, 'jest.json');
// --forceExit: a client left open by a test (a Redis or pg socket) must not hang CI after the run is done.
const jestOk = run('jest', bin('jest'), ['--json', `--outputFile=${jestReport}`, '--forceExit', ...process.argv.slice(2)], {
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --disable-warning=ExperimentalWarning`.trim(),
});
count('jest', jestReport, jestOk);

// 4. The dashboard's tests (vitest), when the dashboard has a `test` script.
const dashboard = JSON.parse(fs.readFileSync(path.join(root, 'packages', 'dashboard', 'package.json'), 'utf8'));
if (dashboard.scripts?.test) {
  const dashboardReport = path.join(reports, 'dashboard.json');
  const dashboardOk = run('dashboard tests', 'npm', [
    'run', 'test', '--workspace', dashboard.name, '--', '--reporter=default', '--reporter=json', `--outputFile.json=${dashboardReport}`,
  ]);
  count('dashboard tests', dashboardReport, dashboardOk);
} else {
  process.stderr.write(`\n- dashboard tests: skipped (${dashboard.name} has no "test" script)\n`);
}

finish();
