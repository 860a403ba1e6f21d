/**
 * Group commit for reads and writes on one executor: calls made in the same
 * turn of the event loop, or while a group is in flight, run together in one
 * `run(inputs)` (one statement), each caller getting its own result. Alone, a
 * call waits one `setImmediate`; under a burst (Node parses many requests per
 * turn), PGlite, whose statements run on the main thread, and PostgreSQL do
 * one statement per group instead of one per call.
 * `run` returns one result per input, in order; when it throws, every caller
 * of that group gets the error.
 */
export function groupedCalls<I, O>(run: (inputs: readonly I[]) => Promise<readonly O[]>, maxGroup = 200): (input: I) => Promise<O> {
  let waiting: Array<{ input: I; resolve: (o: O) => void; reject: (e: unknown) => void }> = [];
  let busy = false;
  const drain = async (): Promise<void> => {
    busy = true;
    try {
      while (waiting.length > 0) {
        const group = waiting.slice(0, maxGroup);
        waiting = waiting.slice(maxGroup);
        try {
          const outputs = await run(group.map((w) => w.input));
          group.forEach((w, i) => w.resolve(outputs[i]!));
        } catch (error) {
          for (const w of group) w.reject(error);
        }
      }
    } finally {
      busy = false;
    }
  };
  return (input) => new Promise<O>((resolve, reject) => {
    waiting.push({ input, resolve, reject });
    if (!busy) {
      busy = true;
      setImmediate(() => void drain());
    }
  });
}
