// Output made comparable across machines: no ANSI codes, LF line ends, no absolute paths.
import { stripVTControlCharacters } from 'node:util';

export function sanitize(text: string, cwd: string): string {
  return stripVTControlCharacters(text).replace(/\r\n/g, '\n').split(cwd).join('<cwd>');
}
