// The renderer of the chosen format for a report kind that offers only some formats: commander's -f choices
// come from the same table, but a configuration file can still name a format the command does not draw.
import { formatsOf, type Format, type Renderer, type SomeRenderers } from '../render/format.js';
import { UsageError } from './errors.js';

function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

export function chooseRenderer<R, C>(renderers: SomeRenderers<R, C>, format: Format, command: string): Renderer<R, C> {
  const render = renderers[format];
  if (render === undefined) throw new UsageError(`--format ${format} is not available for retain ${command} (${orList(formatsOf(renderers))})`);
  return render;
}
