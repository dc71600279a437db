import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { cliEnvironment, runAviso } from '../../test/support/cli.ts';
import { startServerProcess } from '../../test/support/server-process.ts';
import { startSmtpSink } from '../../test/support/smtp-sink.ts';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return address.port;
}

test('aviso doctor passes a working deployment: database, migrations, SMTP and the public URL answering as Aviso', async (t) => {
  const { env, close } = await cliEnvironment('aviso-doctor-');
  const smtp = await startSmtpSink();
  const port = await closedPort();
  const configured = {
    ...env,
    PORT: String(port),
    AVISO_PUBLIC_URL: `http://127.0.0.1:${port}`,
    AVISO_SMTP_URL: smtp.url,
    AVISO_METRICS_TOKEN: 'a-long-enough-metrics-token',
  };
  const server = await startServerProcess({ ...configured, AVISO_EXAMPLE: 'none' }, ['node', 'dist/main.js']);
  t.after(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    await smtp.close();
    await close();
  });

  const result = await runAviso(configured, 'doctor');
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /^✓ database: the (sqlite|postgres) database at .+ answers\.$/m);
  assert.match(result.stdout, /^✓ migrations: every migration is applied\.$/m);
  assert.match(result.stdout, new RegExp(`^✓ public URL: http://127\\.0\\.0\\.1:${port} answers as Aviso\\.$`, 'm'));
  assert.match(result.stdout, /^✓ email: the SMTP server 127\.0\.0\.1:\d+ accepts Aviso's connection/m);
  assert.doesNotMatch(result.stdout, /^[!✗]/m);
  assert.match(result.stdout, /All good\.\n$/);
});

test('aviso doctor says in plain words what is wrong, and exits 1', async (t) => {
  const { env, close } = await cliEnvironment('aviso-doctor-');
  t.after(close);
  const nowhere = await closedPort();

  const invalid = await runAviso({ ...env, PORT: 'eighty', AVISO_SMTP_URL: 'mail.example.com' }, 'doctor');
  assert.equal(invalid.code, 1);
  assert.match(invalid.stdout, /^✗ configuration: PORT: .*\(got "eighty"\)$/m);
  assert.match(invalid.stdout, /^✗ configuration: AVISO_SMTP_URL: must start with smtp:\/\/ or smtps:\/\//m);

  const broken = await runAviso(
    {
      ...env,
      DATABASE_URL: `postgres://postgres@127.0.0.1:${nowhere}/aviso`,
      AVISO_SMTP_URL: `smtp://127.0.0.1:${nowhere}`,
      AVISO_PUBLIC_URL: `http://127.0.0.1:${nowhere}`,
    },
    'doctor',
  );
  assert.equal(broken.code, 1);
  assert.match(
    broken.stdout,
    new RegExp(`^✗ database: cannot reach the postgres database at 127\\.0\\.0\\.1:${nowhere}: .*ECONNREFUSED`, 'm'),
  );
  assert.match(
    broken.stdout,
    new RegExp(`^✗ email: the SMTP server 127\\.0\\.0\\.1:${nowhere} does not accept Aviso: .*ECONNREFUSED`, 'm'),
  );
  assert.match(broken.stdout, /^! public URL: .* cannot be reached from here \(.*ECONNREFUSED.*\)/m);
  assert.match(broken.stdout, /2 problem\(s\) to fix\.\n$/);
  assert.doesNotMatch(broken.stdout + broken.stderr, /\n\s+at /, 'no stack trace');

  const unset = await runAviso({ ...env, PORT: String(nowhere) }, 'doctor');
  assert.match(
    unset.stdout,
    new RegExp(`^! public URL: AVISO_PUBLIC_URL is not set, so links .* point to http://localhost:${nowhere}`, 'm'),
  );
  assert.match(unset.stdout, /^! email: AVISO_SMTP_URL is not set/m);
});
