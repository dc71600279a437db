import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support.ts';

/** An Aviso of a spec's own: its data directory, its port, the owner's one-time setup link. */
export interface OwnAviso {
  base: string;
  setupLink: string;
  stop(): void;
}

/**
 * Starts Aviso on a fresh data directory, first applying `pageFile` (a page as code) to it when
 * given, and reads the setup link from its log as an operator would. `seed`: a script run with the
 * data directory (and the time) after the file is applied, for data no file carries (check results).
 */
export async function startOwnAviso(pageFile?: string, options: { seed?: string } = {}): Promise<OwnAviso> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aviso-own-e2e-'));
  if (pageFile !== undefined) {
    const file = join(dataDir, 'page.yaml');
    writeFileSync(file, pageFile);
    const applied = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/aviso.ts', 'apply', file], {
      env: { ...process.env, AVISO_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    if (applied.status !== 0) throw new Error(`aviso apply failed:\n${applied.stderr}${applied.stdout}`);
  }
  if (options.seed !== undefined) {
    const seeded = spawnSync(process.execPath, ['--import', 'tsx', options.seed, dataDir, new Date().toISOString()], { encoding: 'utf8' });
    if (seeded.status !== 0) throw new Error(`${options.seed} failed:\n${seeded.stderr}${seeded.stdout}`);
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      AVISO_DATA_DIR: dataDir,
      AVISO_EXAMPLE: 'none',
      AVISO_LOG_LEVEL: 'info',
      AVISO_PUBLIC_URL: base,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const setupLink = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no setup link printed:\n${output}`)), 60_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const link = /create the owner at (http\S+?)"/.exec(output)?.[1];
      if (link !== undefined) {
        clearTimeout(timer);
        resolve(link);
      }
    });
    server.once('exit', (code) => reject(new Error(`Aviso exited with ${code}:\n${output}`)));
  });
  server.stdout!.resume();
  for (let i = 0; i < 100; i++) {
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { base, setupLink, stop: () => server.kill('SIGTERM') };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill('SIGTERM');
  throw new Error('Aviso did not become ready');
}
