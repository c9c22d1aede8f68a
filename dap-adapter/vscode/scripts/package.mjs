// Builds the VSIX: copies the headless runtime (releng/launcher/target/runtime: rewind.jar + bundles/) into
// ./adapter and packages the extension with @vscode/vsce, offline, into target/rewind-debug-VERSION.vsix.
import { cpSync, existsSync, mkdirSync, rmSync, readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const runtime = join(here, '..', '..', 'releng', 'launcher', 'target', 'runtime');
if (!existsSync(join(runtime, 'rewind.jar'))) {
  console.error(`package: no runtime in ${runtime}; build it first (./mvnw -pl releng/launcher -am package)`);
  process.exit(1);
}
const adapter = join(here, 'adapter');
rmSync(adapter, { recursive: true, force: true });
// not the local class-data archive of ./rewind dap (the extension keeps its own) nor the JDK ./rewind remembered
cpSync(runtime, adapter, { recursive: true, filter: (src) => !/\.jsa$|\.aot($|\.)|[\\/]\.jdk$/.test(src) });
const { version, name } = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
mkdirSync(join(here, 'target'), { recursive: true });
const out = join(here, 'target', `${name}-${version}.vsix`);
// relative links (media/*.png) stay relative: VS Code shows them from the installed extension's folder
const vsce = join(here, 'node_modules', '@vscode', 'vsce', 'vsce');
// relative links (media/*.png) stay relative: VS Code shows the README from the installed extension's folder
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out], { cwd: here, stdio: 'inherit' });
console.log(`package: ${out} (${Math.round(statSync(out).size / 1024)} KiB)`);
