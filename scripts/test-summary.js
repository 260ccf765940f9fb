// Prints jest's totals as one plain closing line: "jest: N passed, N failed, N skipped".
const fs = require('node:fs');
const file = process.argv[2];
if (!file || !fs.existsSync(file)) process.exit(1);
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
const skipped = (r.numPendingTests || 0) + (r.numTodoTests || 0);
console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
