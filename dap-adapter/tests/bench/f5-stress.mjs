// Crash check for a start-up option of the DAP adapter: N F5s (spawn, initialize, launch stopOnEntry, stopped,
// disconnect; bench/f5.mjs) with the given environment, alternating the variants given; counts failed starts
// (a JVM crash is an adapter that exits other than 0) and new hs_err files (in the repository and /tmp).
// Usage: node bench/f5-stress.mjs [--runs 100] [--variant NAME=VAR=VALUE,...]...
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { ROOT, ELF } from '../lib/support.mjs';
import { arg, once, variantArgs } from './f5.mjs';

const runs = Number(arg('--runs', 100));
const variants = variantArgs().map((v) => ({ ...v, ok: 0, failed: [] }));
const hsErr = () => [ROOT, '/tmp'].flatMap((d) => readdirSync(d).filter((f) => f.startsWith('hs_err')).map((f) => `${d}/${f}`));
const hs0 = new Set(hsErr());
const t0 = Date.now();
console.log(`${runs} starts, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (let i = 0; i < runs; i++) {
  const v = variants[i % variants.length];
  try { await once(v.env, ELF('symbols-O0-rv32.elf')); v.ok++; } catch (e) { v.failed.push(String(e.message).slice(0, 300)); }
}
for (const v of variants) console.log(`  ${v.name}: ${v.ok} ok, ${v.failed.length} failed${v.failed.map((f) => '\n    ' + f).join('')}`);
const fresh = hsErr().filter((f) => !hs0.has(f));
console.log(`new hs_err files: ${fresh.length} ${fresh.join(' ')}; ${((Date.now() - t0) / 1000).toFixed(0)} s, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
process.exit(fresh.length || variants.some((v) => v.failed.length) ? 1 : 0);
