import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCli } from '../../src/cli/args';
import { openWebPage, webDir } from '../../src/cli/serve';
import { soat } from '../support/cli';

/** `soat serve`: the built web page over http on this computer, nothing else. */

const servers: Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

async function served(root: string): Promise<string> {
  const server = await openWebPage(root, 0);
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function page(): string {
  const root = mkdtempSync(join(tmpdir(), 'soat-serve-'));
  const web = join(root, 'dist', 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Soát</title>');
  writeFileSync(join(web, 'manifest.webmanifest'), '{}');
  writeFileSync(join(root, 'secret.txt'), 'outside the page');
  return web;
}

describe('soat serve', () => {
  it('serves the page folder with each file type, and only GET and HEAD', async () => {
    const origin = await served(page());
    const index = await fetch(`${origin}/`);
    expect([index.status, index.headers.get('content-type'), await index.text()]).toEqual([
      200,
      'text/html; charset=utf-8',
      '<!doctype html><title>Soát</title>',
    ]);
    expect((await fetch(`${origin}/manifest.webmanifest`)).headers.get('content-type')).toBe(
      'application/manifest+json; charset=utf-8',
    );
    expect((await fetch(`${origin}/missing.js`)).status).toBe(404);
    expect((await fetch(`${origin}/`, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('never serves a file outside the page folder', async () => {
    const origin = await served(page());
    for (const path of ['/../../secret.txt', '/%2e%2e/%2e%2e/secret.txt', '/..%2f..%2fsecret.txt']) {
      const response = await fetch(`${origin}${path}`);
      expect([path, response.status]).toEqual([path, 404]);
    }
  });

  it('says how to build the page when it is not built, and names a port in use', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'soat-serve-empty-'));
    await expect(openWebPage(empty, 0)).rejects.toThrow(
      `chưa có trang web trong ${empty}; hãy chạy npm run build:web trước (the web page is not built: run npm run build:web first)`,
    );
    const root = page();
    const taken = Number(new URL(await served(root)).port);
    await expect(openWebPage(root, taken)).rejects.toThrow(
      `cổng ${taken} đang được dùng; hãy chọn --port khác (port ${taken} is in use: choose another --port)`,
    );
  });

  it('finds dist/web beside the package.json above it', () => {
    const root = mkdtempSync(join(tmpdir(), 'soat-serve-root-'));
    writeFileSync(join(root, 'package.json'), '{}');
    mkdirSync(join(root, 'lib', 'src', 'cli'), { recursive: true });
    expect(webDir(join(root, 'lib', 'src', 'cli'))).toBe(join(root, 'dist', 'web'));
  });

  it('takes --port and no file; a wrong port is refused with exit 2', async () => {
    expect(parseCli(['serve', '--port', '9000'])).toMatchObject({ command: 'serve', port: 9000 });
    expect(parseCli(['serve'])).not.toHaveProperty('port');
    expect(await soat('serve', '--port', 'abc')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'soat: --port cần một số từ 0 đến 65535 (needs a number from 0 to 65535): abc\n',
    });
    expect((await soat('serve', 'a.xlsx')).stderr).toBe('soat: serve: không nhận tệp (takes no file): a.xlsx\n');
  });
});
