import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Thrown for command-line mistakes; the CLI prints the message and usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type CommandConfig<T extends ParseArgsConfig['options']> = { args: string[]; options: T; strict: true; allowPositionals: false };

/** `parseArgs` with strict options, turning its errors into UsageError. */
export function parseCommandArgs<T extends ParseArgsConfig['options']>(argv: string[], options: T): ReturnType<typeof parseArgs<CommandConfig<T>>> {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** `-h` / `--help`, which every command takes (see usage.ts). */
export const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/** A TCP port from a flag value (0-65535). */
export function parsePort(value: string | undefined, fallback: number, flag = '--port'): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`${flag}: "${value}" is not a port number`);
  return port;
}
