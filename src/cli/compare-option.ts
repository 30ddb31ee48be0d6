// --compare previous|year-ago: the option of the period reports that can set each period against an
// earlier one (validated in options.ts with the shared flags).
import { Option, type Command } from 'commander';

export function addCompareOption(cmd: Command): Command {
  return cmd.addOption(new Option('--compare <against>', 'add the change of every measure against the previous period or the same period a year earlier').choices(['previous', 'year-ago']));
}
