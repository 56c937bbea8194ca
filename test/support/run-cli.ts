import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface CliRun {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  /** Resolves with the first stdout JSON log line whose `msg` matches. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

/**
 * Runs `node bot/cli.ts …` as its own process with exactly the environment given (plus PATH and HOME), and
 * `stdin` as its standard input when given.
 */
export function runCli(args: string[], env: Record<string, string>, stdin?: string): CliRun {
  const child = spawn(process.execPath, [path.resolve('bot/cli.ts'), ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (stdin !== undefined) child.stdin!.end(stdin);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const listeners = new Set<(line: string) => void>();
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      stdout.push(line);
      for (const listener of listeners) listener(line);
    }
  });
  child
    .stderr!.setEncoding('utf8')
    .on('data', (chunk: string) => stderr.push(...chunk.split('\n').filter(Boolean)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    stdout,
    stderr,
    exited,
    waitForLog(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(
            new Error(`no log line matching ${pattern} within ${timeoutMs} ms; stderr: ${stderr.join('\n')}`),
          );
        }, timeoutMs);
        const check = (line: string) => {
          let parsed: Record<string, unknown>;
          try {
            parsed = JSON.parse(line);
          } catch {
            return;
          }
          if (pattern.test(String(parsed.msg))) {
            clearTimeout(timer);
            listeners.delete(check);
            resolve(parsed);
          }
        };
        listeners.add(check);
        stdout.forEach(check);
      });
    },
  };
}
