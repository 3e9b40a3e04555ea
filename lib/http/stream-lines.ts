/**
 * A response body from an async generator of text, pulled as the client reads: nothing is
 * produced ahead of what the connection takes, so a large export never sits in memory. A client
 * that goes away stops the generator (its `finally` blocks run).
 */
export function streamLines(lines: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await lines.next();
          if (done) controller.close();
          else controller.enqueue(encoder.encode(value));
        } catch (err) {
          controller.error(err);
        }
      },
      async cancel() {
        await lines.return(undefined);
      },
    },
    { highWaterMark: 16 },
  );
}
