// Loaded into a process under test by the bench only (`node --expose-gc --import
// ./bench/heap-probe.mjs …`): on the message `heap` from the bench (over the IPC channel the
// bench opened), collects garbage twice and answers with the heap used and the resident size, so
// the bench can tell memory that is held from memory not yet collected; with the heap V8 keeps
// (`heapTotal`) and the memory outside it that V8 knows of (`external`: buffers, native objects),
// so resident memory can be told apart from both. On `{ snapshot: path }` it writes a heap
// snapshot there (`npm run bench -- --heap-snapshots`). The app itself knows nothing of it. https://nodejs.org/api/child_process.html#subprocesssendmessage-sendhandle-options-callback
import { writeHeapSnapshot } from 'node:v8';

if (typeof process.send === 'function') {
  process.channel?.unref();
  process.on('message', (message) => {
    if (typeof message === 'object' && message !== null && typeof message.snapshot === 'string') {
      globalThis.gc?.();
      process.send?.({ snapshotPath: writeHeapSnapshot(message.snapshot) });
      return;
    }
    if (message !== 'heap' || typeof globalThis.gc !== 'function') return;
    globalThis.gc();
    globalThis.gc();
    const { heapUsed, heapTotal, external, rss } = process.memoryUsage();
    process.send?.({
      heapUsedBytes: heapUsed,
      heapTotalBytes: heapTotal,
      externalBytes: external,
      rssBytes: rss,
    });
  });
}
