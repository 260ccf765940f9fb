// `npm start`: builds dist/ only when a source file is newer than the last build, then runs the API
// in this same process (no child), so SIGINT and SIGTERM reach the app itself and nothing is left
// behind. The build marker is dist/.build-stamp, written after a successful build.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
// CASEWORK_DIST runs a build made elsewhere as it is (the lifecycle test uses a private one).
const prebuilt = process.env.CASEWORK_DIST;
const stamp = join(root, 'dist', '.build-stamp');
const entry = join(prebuilt || join(root, 'dist'), 'apps', 'api', 'src', 'main.js');
// What `npm run build` compiles, plus the files that change how it compiles.
const SOURCES = ['apps', 'libs', 'tests/support', 'tests/bench'];
const CONFIG_FILES = ['package.json', 'package-lock.json', '.swcrc', 'tsconfig.json'];

/** The newest modification time (ms) of a .ts source under dir, skipping specs and node_modules. */
function newestSource(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function staleReason() {
  if (!existsSync(entry) || !existsSync(stamp)) return 'no build yet';
  const built = statSync(stamp).mtimeMs;
  for (const f of CONFIG_FILES) {
    const p = join(root, f);
    if (existsSync(p) && statSync(p).mtimeMs > built) return `${f} changed`;
  }
  for (const d of SOURCES) if (newestSource(join(root, d)) > built) return `sources in ${d} changed`;
  return null;
}

const reason = prebuilt ? null : staleReason();
if (reason) {
  console.log(`构建中（${reason}）… building dist/ (${reason})`);
  const started = Date.now();
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('构建失败 The build failed: see the errors above.');
    process.exit(r.status ?? 1);
  }
  writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
  // Dated when the build began: a source edited during the build is newer, so the next start rebuilds.
  utimesSync(stamp, new Date(started), new Date(started));
}
require(entry);
