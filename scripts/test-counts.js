// Prints one line "Tests: N passed, N failed" from the unit and browser test reports of a CI run.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
const missing = [];

if (existsSync('reports/unit.json')) {
	const unit = JSON.parse(readFileSync('reports/unit.json', 'utf8'));
	passed += unit.numPassedTests;
	failed += unit.numFailedTests;
} else missing.push('unit');

if (existsSync('reports/e2e.json')) {
	const { stats } = JSON.parse(readFileSync('reports/e2e.json', 'utf8'));
	passed += stats.expected + stats.flaky;
	failed += stats.unexpected;
} else missing.push('browser');

if (missing.length)
	console.log(`No report from the ${missing.join(' and ')} tests: they did not run.`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || missing.length > 0 ? 1 : 0);
