import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { environment } from '../../src/config.ts';

const root = new URL('../../', import.meta.url).pathname;

/** Fails with a clear message when dist/ is missing or older than a source file (`npm run build` fixes it). */
export function assertBuilt(): void {
  const main = join(root, 'dist/main.js');
  if (!existsSync(main)) throw new Error('dist/ is missing: run `npm run build` (npm install runs it)');
  const built = statSync(main).mtimeMs;
  const newer = (dir: string): string | undefined => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        const found = newer(path);
        if (found !== undefined) return found;
      } else if (!entry.name.includes('.test.') && statSync(path).mtimeMs > built) return path;
    }
    return undefined;
  };
  const stale = newer(join(root, 'src'));
  if (stale !== undefined) throw new Error(`dist/ is older than ${stale}: run \`npm run build\``);
}

/** Only what npm needs from the environment (PATH, HOME), so no setting of the caller leaks in. */
function inherited(): Record<string, string> {
  const { PATH, HOME } = environment();
  return { PATH: PATH ?? '/usr/bin:/bin', HOME: HOME ?? '/tmp' };
}

export interface ServerProcess {
  child: ChildProcess;
  /** The port Aviso listens on (PORT=0 lets the system choose). */
  port: number;
  baseUrl: string;
  /** Everything the process printed so far (its JSON log lines). */
  output(): string;
  /** Resolves with the exit code (or the signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts Aviso the way users run it (`npm start`, or any command given) on 127.0.0.1 and a free
 * port, and resolves once it listens.
 */
export async function startServerProcess(
  env: Record<string, string>,
  command: string[] = ['npm', 'start', '--silent'],
): Promise<ServerProcess> {
  const [file, ...args] = command as [string, ...string[]];
  const child = spawn(file, args, {
    cwd: root,
    env: {
      ...inherited(),
      PORT: '0',
      HOST: '127.0.0.1',
      AVISO_LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Aviso did not start in 30 s:\n${output}`)), 30_000);
    const look = () => {
      const match = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`Aviso exited with ${code} before listening:\n${output}`));
    });
  });
  return { child, port, baseUrl: `http://127.0.0.1:${port}`, output: () => output, exited };
}
