import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { VERSION } from '../../src/cli/version.js';
import { runCli } from '../helpers/run-cli.js';

it('retain --version prints the package version', async () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(VERSION).toBe(pkg.version);
  const result = await runCli(['--version']);
  expect(result).toEqual({ stdout: `${pkg.version}\n`, stderr: '', exitCode: 0 });
});
