import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One body nginx serves as a static file, with the headers Aviso sends alongside it. */
export interface StaticCopy {
  path: string;
  body: Buffer;
  headers: Record<string, string>;
}

const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/**
 * A minimal nginx serving the exact bytes Aviso served, from files, with the same headers and
 * keep-alive, so the two differ only in the server. One worker: Aviso is one process too.
 */
export function writeNginxConfig(root: string, port: number, copies: StaticCopy[], workers: number): string {
  const www = join(root, 'www');
  mkdirSync(www, { recursive: true });
  for (const dir of [root, www]) chmodSync(dir, 0o755);
  const locations = copies.map((copy) => {
    const file = join(www, copy.path.replace(/^\//, ''));
    writeFileSync(file, copy.body);
    chmodSync(file, 0o644);
    const { 'content-type': contentType, ...rest } = copy.headers;
    const headers = Object.entries(rest).map(([name, value]) => `      add_header ${name} ${quote(value)} always;`);
    return [
      `    location = ${copy.path} {`,
      `      default_type ${quote(contentType ?? 'application/octet-stream')};`,
      ...headers,
      '    }',
    ].join('\n');
  });
  const config = `worker_processes ${workers};
daemon off;
pid ${join(root, 'nginx.pid')};
error_log ${join(root, 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${join(root, 'tmp-body')};
  proxy_temp_path ${join(root, 'tmp-proxy')};
  fastcgi_temp_path ${join(root, 'tmp-fastcgi')};
  uwsgi_temp_path ${join(root, 'tmp-uwsgi')};
  scgi_temp_path ${join(root, 'tmp-scgi')};
  types { }
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 75s;
  keepalive_requests 10000000;
  server_tokens off;
  server {
    listen 127.0.0.1:${port};
    root ${www};
${locations.join('\n')}
  }
}
`;
  const file = join(root, 'nginx.conf');
  writeFileSync(file, config);
  return file;
}

export function startNginx(root: string, configFile: string): ChildProcess {
  return spawn('nginx', ['-p', root, '-e', join(root, 'error.log'), '-c', configFile], { stdio: ['ignore', 'ignore', 'inherit'] });
}
