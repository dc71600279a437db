import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { test } from 'node:test';
import { cliEnvironment, runAviso } from '../test/support/cli.ts';
import { assertBuilt, startServerProcess, type ServerProcess } from '../test/support/server-process.ts';

/** The node process `npm start` runs (npm execs no shell in between: `exec node …`). */
function nodeChildOf(npmPid: number): number {
  const children = readFileSync(`/proc/${npmPid}/task/${npmPid}/children`, 'utf8').trim().split(/\s+/).map(Number);
  assert.equal(children.length, 1, 'npm start runs one process');
  return children[0] as number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function portIsFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Time for the server to read a slow POST's headers and start the request (generous: CI machines can be busy). */
const requestStarted = () => new Promise((resolve) => setTimeout(resolve, 1500));

/** A POST whose body arrives in two parts, so the request is in flight until `finish()`. */
function slowPost(server: ServerProcess, key: string, body: string): { finish(): void; response: Promise<string>; socket: Socket } {
  const socket = connect(server.port, '127.0.0.1');
  socket.write(
    `POST /api/v1/incidents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${key}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 5)}`,
  );
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
  const response = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  socket.on('error', () => {});
  return { finish: () => socket.write(body.slice(5)), response, socket };
}

test('SIGTERM to the npm start process finishes the request in flight, frees the port and leaves no node process', async (t) => {
  assertBuilt();
  const { env, close } = await cliEnvironment('aviso-stop-');
  t.after(close);
  const key = (await runAviso(env, 'api-key', 'create', '--name', 'stop test', '--scope', 'write')).stdout.trim();
  const server = await startServerProcess({ ...env, AVISO_EXAMPLE: 'none' });
  const npmPid = server.child.pid as number;
  const nodePid = nodeChildOf(npmPid);
  const commandLine = readFileSync(`/proc/${nodePid}/cmdline`, 'utf8').split('\0').join(' ');
  assert.match(commandLine, /^node .*dist\/main\.js/);
  assert.doesNotMatch(commandLine + readFileSync(`/proc/${nodePid}/environ`, 'utf8'), /tsx/, 'plain node, no TypeScript loader');

  const inFlight = slowPost(server, key, JSON.stringify({ name: 'Posted while stopping', status: 'investigating', body: 'Still saved.' }));
  await requestStarted();
  const signalledAt = Date.now();
  process.kill(npmPid, 'SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.ok(isAlive(nodePid), 'node waits for the request in flight');
  inFlight.finish();

  assert.match(await inFlight.response, /^HTTP\/1\.1 201 Created/);
  const { code } = await server.exited;
  assert.equal(code, 0, server.output());
  assert.ok(Date.now() - signalledAt < 5000, 'stopped well within the shutdown timeout');
  assert.equal(isAlive(nodePid), false, 'no node process is left behind');
  assert.equal(await portIsFree(server.port), true, 'the port is released');
  assert.match(server.output(), /"msg":"stopped"/);
  const exported = await runAviso(env, 'export');
  assert.match(exported.stdout, /name: Posted while stopping/, 'the write accepted while stopping was kept');
});

test('a stop that cannot finish exits after the timeout, and a second signal exits at once', async (t) => {
  assertBuilt();
  const { env, close } = await cliEnvironment('aviso-stop-');
  t.after(close);
  const key = (await runAviso(env, 'api-key', 'create', '--name', 'stop test', '--scope', 'write')).stdout.trim();

  // A client that never finishes its request: the stop gives up after AVISO_SHUTDOWN_TIMEOUT.
  const bounded = await startServerProcess({ ...env, AVISO_EXAMPLE: 'none', AVISO_SHUTDOWN_TIMEOUT: '1' });
  const stuck = slowPost(bounded, key, JSON.stringify({ name: 'Never finished', status: 'investigating', body: 'x' }));
  await requestStarted();
  let signalledAt = Date.now();
  process.kill(bounded.child.pid as number, 'SIGTERM');
  assert.equal((await bounded.exited).code, 1);
  const waited = Date.now() - signalledAt;
  assert.ok(waited >= 900 && waited < 4000, `exited after the 1 s timeout (${waited} ms)`);
  assert.match(bounded.output(), /the stop took too long/);
  stuck.socket.destroy();

  const twice = await startServerProcess({ ...env, AVISO_EXAMPLE: 'none', AVISO_SHUTDOWN_TIMEOUT: '60' });
  const nodePid = nodeChildOf(twice.child.pid as number);
  const held = slowPost(twice, key, JSON.stringify({ name: 'Never finished', status: 'investigating', body: 'x' }));
  await requestStarted();
  process.kill(twice.child.pid as number, 'SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.ok(isAlive(nodePid), 'still finishing after the first signal');
  signalledAt = Date.now();
  process.kill(twice.child.pid as number, 'SIGTERM');
  const { code } = await twice.exited;
  assert.notEqual(code, 0);
  assert.ok(Date.now() - signalledAt < 3000, 'the second signal does not wait');
  assert.equal(isAlive(nodePid), false);
  assert.equal(await portIsFree(twice.port), true);
  held.socket.destroy();
});
