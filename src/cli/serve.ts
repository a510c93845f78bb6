import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { UsageError } from './args';
import type { CommandRunner } from './io';

/** What the page's files are, for the browser. */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The folder `npm run build:web` writes, found from here upwards (src/cli in tests, lib/src/cli when built). */
export function webDir(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'web');
    if (dirname(dir) === dir) return join(from, 'dist', 'web');
  }
}

/** The file a request names inside `root`, or undefined when it would leave it. */
function fileOf(root: string, url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
  return file === root || file.startsWith(root + sep) ? file : undefined;
}

/** A static server of `root` with Node's http alone: GET and HEAD, nothing written, nothing proxied. */
export function startServer(root: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const server = createServer((request, response) => {
    void (async () => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const file = fileOf(root, request.url ?? '/');
      const info = file === undefined ? undefined : await stat(file).catch(() => undefined);
      if (file === undefined || info === undefined || !info.isFile()) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404');
        return;
      }
      response.writeHead(200, {
        'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      });
      response.end(request.method === 'HEAD' ? undefined : await readFile(file));
    })().catch(() => response.writeHead(500).end());
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePromise(server);
    });
  });
}

/**
 * The built page of `root` served on `port` (0: any free one); unusable input (exit 2) when the page
 * is not built or the port is taken.
 */
export async function openWebPage(root: string, port: number): Promise<Server> {
  if (!existsSync(join(root, 'index.html'))) {
    throw new UsageError(
      `chưa có trang web trong ${root}; hãy chạy npm run build:web trước (the web page is not built: run npm run build:web first)`,
    );
  }
  try {
    return await startServer(root, port);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new UsageError(
      code === 'EADDRINUSE'
        ? `cổng ${port} đang được dùng; hãy chọn --port khác (port ${port} is in use: choose another --port)`
        : `không mở được máy chủ (cannot start the server): ${String(code ?? error)}`,
    );
  }
}

/** `soat serve [--port N]`: the web page on http://127.0.0.1:N/, for this computer only; it runs until stopped. */
export const serve: CommandRunner = async (args, io) => {
  const server = await openWebPage(webDir(), args.port ?? 8080);
  const { port } = server.address() as AddressInfo;
  io.stdout(`Soát đang chạy tại / Soát is served at http://127.0.0.1:${port}/ (Ctrl+C để dừng / to stop)\n`);
  return 0;
};
