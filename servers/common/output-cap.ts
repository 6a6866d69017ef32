// Tool output is capped so one call cannot flood a model's context or the hub's call log; the cut
// is marked so the model knows it saw only part and can narrow its request.
export const DEFAULT_MAX_OUTPUT_BYTES = 100 * 1024;

/**
 * The text of `data`, cut to at most `maxBytes` bytes of UTF-8 (never inside a character), with
 * "[truncated: N more bytes]" appended when something was cut. `moreUnknown` says the producer
 * already stopped reading, so N is only a lower bound.
 */
export function capOutput(data: Buffer | string, maxBytes: number, moreUnknown = false): string {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  if (bytes.length <= maxBytes && !moreUnknown) return bytes.toString('utf8');
  let end = Math.min(maxBytes, bytes.length);
  // Step back over UTF-8 continuation bytes (10xxxxxx) so the cut falls between characters.
  while (end > 0 && end < bytes.length && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  const rest = bytes.length - end;
  const marker = moreUnknown ? `[truncated: more than ${rest} more bytes]` : `[truncated: ${rest} more bytes]`;
  const head = bytes.subarray(0, end).toString('utf8');
  return `${head}${head.endsWith('\n') || head === '' ? '' : '\n'}${marker}`;
}
