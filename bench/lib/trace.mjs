// The longest main-thread task of a Chromium trace: the longest `RunTask` on a renderer's
// main thread (`CrRendererMain`), in milliseconds of thread time. One task is what the user waits for
// without a frame; the 16 ms target is one frame at 60 Hz.
export function longestTask(buffer) {
  const { traceEvents } = JSON.parse(buffer.toString());
  const mainThreads = new Set(
    traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  let longest = 0;
  for (const e of traceEvents) {
    if (e.name === 'RunTask' && e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`)) {
      // Thread time (`tdur`) where the trace has it: preemption by other processes left out.
      longest = Math.max(longest, (e.tdur ?? e.dur ?? 0) / 1000);
    }
  }
  return longest;
}
