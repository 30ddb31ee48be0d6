// How a diagnostic shows an input value: whole when short, cut in the middle past a bound (a 2 MB bad cell must
// not flood the terminal), with control characters made visible so no ESC/OSC/BEL sequence from a file reaches
// the terminal. The cut and the escapes never make two different values look the same: the length is kept.

/** Longest value shown whole; longer ones keep their first and last characters and say how long they were. */
export const QUOTED_VALUE_LIMIT = 80;

/** C0 and C1 controls, DEL, and the bidirectional overrides that can reorder what a terminal shows. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** The value in double quotes, controls escaped, cut past QUOTED_VALUE_LIMIT characters. */
export function quoteValue(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= QUOTED_VALUE_LIMIT) return `"${escapeControls(text)}"`;
  const keep = Math.floor((QUOTED_VALUE_LIMIT - 10) / 2);
  const head = chars.slice(0, keep).join('');
  const tail = chars.slice(chars.length - keep).join('');
  return `"${escapeControls(head)}…${escapeControls(tail)}" (${chars.length} characters)`;
}
