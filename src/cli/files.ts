import type { Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { open, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './args';

/** What the file system said, as Soát says it: Vietnamese first, English second. */
const reasons: Record<string, string> = {
  ENOENT: 'không tìm thấy tệp (no such file)',
  EISDIR: 'là một thư mục, không phải tệp (is a folder, not a file)',
  EACCES: 'không có quyền đọc tệp (permission denied)',
  EPERM: 'không có quyền đọc tệp (permission denied)',
  ENOTDIR: 'đường dẫn không hợp lệ (a part of the path is not a folder)',
};

/** The message for an error of the file system, naming the file; undefined for any other error. */
export function fileErrorMessage(path: string, error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  return `${path}: ${reasons[code] ?? `không đọc được tệp (cannot read the file: ${code})`}`;
}

/** Reads an input file; a file that cannot be read is unusable input, said in one line. */
export async function readInputFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const message = fileErrorMessage(path, error);
    throw message === undefined ? error : new UsageError(message);
  }
}

const writeReasons: Record<string, string> = {
  ENOSPC: 'không đủ chỗ trên đĩa (no space left on the disk)',
  EDQUOT: 'vượt hạn mức đĩa (disk quota exceeded)',
  EACCES: 'không có quyền ghi (permission denied)',
  EPERM: 'không có quyền ghi (permission denied)',
  EROFS: 'ổ đĩa chỉ đọc (read-only file system)',
  ENOENT: 'thư mục không tồn tại (no such folder)',
  EISDIR: 'là một thư mục, không phải tệp (is a folder, not a file)',
};

/**
 * Writes `bytes` to `path` through a temporary file in the same folder, renamed over it at the
 * end: a failure part-way (a full disk) leaves any file already at `path` as it was.
 */
export async function writeOutputFile(path: string, bytes: Uint8Array): Promise<void> {
  // Through a symlink, the file it points to is replaced, not the link.
  const target = await realpath(path).catch(() => path);
  const existing = await stat(target).catch(() => undefined);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      if (existing !== undefined) await handle.chmod(existing.mode & 0o7777);
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code !== 'string') throw error;
    throw new UsageError(
      `${path}: không ghi được tệp, không có gì bị thay đổi (cannot write the file, nothing was changed): ${writeReasons[code] ?? code}`,
    );
  }
}

/** The same file, however named: through symlinks, `..`, or another case on a case-blind disk. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  return sameInode(x, y);
}

/** Two paths' stats name one file (one inode); a path that cannot be read names none. */
export function sameInode(x: Stats | undefined, y: Stats | undefined): boolean {
  return x !== undefined && y !== undefined && x.dev === y.dev && x.ino === y.ino;
}

/** --out naming an input would overwrite what is being read: only --in-place allows it. */
export async function refuseOverwritingInput(out: string, inputs: readonly string[], inPlace: boolean): Promise<void> {
  if (inPlace) return;
  for (const input of inputs) {
    if (await sameFile(out, input)) {
      throw new UsageError(
        `--out ${out} là tệp đầu vào; dùng --in-place để ghi đè lên nó (--out is an input file; use --in-place to overwrite it)`,
      );
    }
  }
}
