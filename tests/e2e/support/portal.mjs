// Starts a real portal process on a free loopback port with its own fresh SQLite file,
// so every test file sees a known demo tenant and nothing leaks between files.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const READY = /portal listening on (http:\/\/\S+)/;

/** Starts the portal; resolves to { url, stop }. Extra CLI flags go in `args`. */
export async function startPortal({ args = [] } = {}) {
  const bin = requiredEnv('PORTAL_BIN');
  const dist = requiredEnv('CONSOLE_DIST');
  const dir = mkdtempSync(path.join(tmpdir(), 'mdm-e2e-'));
  const child = spawn(
    bin,
    ['--addr', '127.0.0.1:0', '--db', path.join(dir, 'portal.sqlite3'), '--dist', dist, '--seed', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log = [];
  const remember = (line) => { log.push(line); if (log.length > 200) log.shift(); };
  readline.createInterface({ input: child.stderr }).on('line', remember);

  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`portal did not start in 60 s:\n${log.join('\n')}`)), 60_000);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      remember(line);
      const m = READY.exec(line);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`portal exited with ${code}:\n${log.join('\n')}`)); });
  });

  async function stop() {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return { url, stop, log };
}

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests through scripts/test.sh`);
  return value;
}
