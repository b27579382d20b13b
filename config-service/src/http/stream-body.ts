/**
 * A response body pulled from an async generator of text, one piece per pull: the client's pace sets
 * the generator's (and so the database's, when each piece is a batch read). A client that goes away
 * cancels the stream, which returns the generator, so its `finally` blocks run.
 */
export function streamBody(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
