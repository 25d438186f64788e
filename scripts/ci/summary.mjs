/**
 * node scripts/ci/summary.mjs LABEL VITEST_JSON: prints "LABEL: N passed, N failed" from vitest's JSON
 * report; exits 1 when a test failed, none passed, or the report is missing.
 */
import { readFileSync } from "node:fs";

const [label, file] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(readFileSync(file, "utf8"));
} catch (error) {
  console.log(`${label}: 0 passed, 0 failed (no report: ${error.message})`);
  process.exit(1);
}
console.log(`${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
process.exit(report.numFailedTests === 0 && report.numPassedTests > 0 && report.success !== false ? 0 : 1);
