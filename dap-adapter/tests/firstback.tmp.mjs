// temporary probe (not committed): time of the first and later line step backs on the demo, 4 harts
import { startServer, connect, launchStopped, untilStopped, ELF, ROOT } from './lib/support.mjs';
import path from 'node:path';
const server = await startServer();
const { dc, close } = await connect(server.port);
try {
  await launchStopped(dc, { program: ELF('demo-rv32.elf'), harts: 4, sourceDirectories: [path.join(ROOT, 'tests/guest/src'), path.join(ROOT, 'tests/guest')] });
  await dc.setBreakpointsRequest({ source: { path: path.join(ROOT, 'tests/guest/src/demo.c') }, breakpoints: [{ line: 109 }] });
  let hit = await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }));
  hit = await untilStopped(dc, () => dc.continueRequest({ threadId: 1 }));
  const tid = hit.threadId;
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    await untilStopped(dc, () => dc.stepBackRequest({ threadId: tid }));
    console.log(`stepBack ${i}: ${(performance.now() - t0).toFixed(1)} ms`);
  }
} finally { await close(); server.close(); }
