export const ExitCode = { ok: 0, checkFailed: 1, usage: 2, internal: 70 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
