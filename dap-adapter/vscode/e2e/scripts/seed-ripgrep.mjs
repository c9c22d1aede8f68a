// code-server's @vscode/ripgrep downloads rg from GitHub at install time (no internet in CI): seed its download
// cache (vscode-ripgrep-cache-1.15.11 in the temp folder) with a tarball holding Debian's rg (apt: ripgrep).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cache = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
const tarball = join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
if (existsSync(tarball)) process.exit(0);
const rg = ['/usr/bin/rg', '/bin/rg'].find((p) => existsSync(p));
if (!rg) {
  console.error('seed-ripgrep: no rg found; install it (apt-get install ripgrep): code-server needs it');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'rg-seed-'));
try {
  copyFileSync(rg, join(dir, 'rg'));
  mkdirSync(cache, { recursive: true });
  execFileSync('tar', ['czf', tarball, '-C', dir, 'rg'], { timeout: 30000 });
  console.log(`seed-ripgrep: ${tarball} from ${rg}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
