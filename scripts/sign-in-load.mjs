// Floods the credential endpoints of a real portal on the loopback and measures what the issue
// of bounded password hashing asks for:
//   1. resident memory while 300 unauthenticated token requests arrive at once;
//   2. p50/p95 of a signed-in administrator's device list, quiet and during a 16-wide spray.
// Each scenario runs twice: with the default per-address limit (a spray from one address is
// answered 429 at once) and with that limit lifted, as if the spray came from many addresses,
// so only the bounded hashing slots stand between it and the machine.
// Usage: node scripts/sign-in-load.mjs <mdm-portal binary>
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';

const binary = process.argv[2];
const LIST_REQUESTS = 300;
const SPRAY_WIDTH = 16;
const FLOOD = 300;
const LIFTED = ['--sign-in-rate-per-minute', '1000000', '--sign-in-burst', '1000000'];

function start(flags) {
  const dir = mkdtempSync(join(tmpdir(), 'mdm-load-'));
  const child = spawn(binary, ['--addr', '127.0.0.1:0', '--db', join(dir, 'portal.sqlite3'),
    '--dist', join(dir, 'none'), '--seed', ...flags], { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = out.match(/portal listening on (http:\/\/\S+)/);
      if (found) resolve({ child, base: found[1], dir });
    });
    child.on('exit', (code) => reject(new Error(`portal exited (${code})`)));
  });
}

function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(status.match(new RegExp(`${name}:\\s+(\\d+)`))[1]);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function signIn(base) {
  const first = await fetch(`${base}/api/session`);
  const anon = (await first.json()).csrf_token;
  const cookie = first.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const answer = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': anon, cookie },
    body: JSON.stringify({ username: 'admin', password: 'Demo#2026' }),
  });
  if (answer.status !== 200) throw new Error(`sign-in: ${answer.status}`);
  return answer.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

const tokenRequest = (base, i) => fetch(`${base}/api/auth/tokens`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: `nobody-${i}`, password: 'guess' }),
}).then(async (r) => { await r.arrayBuffer(); return r.status; });

async function listLatencies(base, cookie) {
  const times = [];
  for (let i = 0; i < LIST_REQUESTS; i++) {
    const page = 1 + (i % 10);
    const began = performance.now();
    const answer = await fetch(`${base}/api/devices?page=${page}&per_page=50&sort=name`, { headers: { cookie } });
    await answer.arrayBuffer();
    if (answer.status !== 200) throw new Error(`list: ${answer.status}`);
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: at(0.5), p95: at(0.95) };
}

async function scenario(label, flags) {
  const portal = await start(flags);
  const pid = portal.child.pid;
  try {
    // The administrator is signed in before the flood: the spray comes from the same loopback
    // address, and the per-address limit would otherwise refuse the administrator too.
    const cookie = await signIn(portal.base);
    const before = memory(pid);
    let peakDuring = before.rss;
    const sampler = setInterval(() => { peakDuring = Math.max(peakDuring, memory(pid).rss); }, 20);
    const flood = await Promise.all(Array.from({ length: FLOOD }, (_, i) => tokenRequest(portal.base, `flood-${i}`)));
    clearInterval(sampler);
    const after = memory(pid);
    const floodStatuses = flood.reduce((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

    await listLatencies(portal.base, cookie); // warm the caches
    const quiet = await listLatencies(portal.base, cookie);
    let spraying = true;
    const statuses = {};
    const sprayer = async (w) => {
      for (let i = 0; spraying; i++) {
        const status = await tokenRequest(portal.base, `${w}-${i}`);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    };
    const workers = Array.from({ length: SPRAY_WIDTH }, (_, w) => sprayer(w));
    const busy = await listLatencies(portal.base, cookie);
    spraying = false;
    await Promise.all(workers);
    return {
      label, quiet, busy, statuses, floodStatuses,
      rssBefore: before.rss, rssPeak: Math.max(peakDuring, after.peak), rssAfter: memory(pid).rss,
    };
  } finally {
    portal.child.kill('SIGKILL');
    rmSync(portal.dir, { recursive: true, force: true });
  }
}

const ms = (v) => `${v.toFixed(1)} ms`;
const mb = (v) => `${v.toFixed(0)} MB`;
const results = [
  await scenario('default limits', []),
  await scenario('per-address limit lifted', LIFTED),
];
console.log(`machine: ${cpus().length} cores, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
console.log('| set-up | 300 token requests at once: answers | RSS at start / peak / after everything | list p50 quiet | list p95 quiet | list p95 during a 16-wide spray | ratio | spray answers |');
console.log('|---|---|---|---:|---:|---:|---:|---|');
for (const r of results) {
  const answers = (s) => Object.entries(s).map(([k, v]) => `${v}× ${k}`).join(', ');
  console.log(`| ${r.label} | ${answers(r.floodStatuses)} | ${mb(r.rssBefore)} / ${mb(r.rssPeak)} / ${mb(r.rssAfter)} | ${ms(r.quiet.p50)} | ${ms(r.quiet.p95)} | ${ms(r.busy.p95)} | ${(r.busy.p95 / r.quiet.p95).toFixed(2)}× | ${answers(r.statuses)} |`);
}
