import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { dropOutputOnClosedPipe } from '../../src/cli/io';

function failure(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`write ${code}`), { code });
}

describe('output to a pipe the reader closed', () => {
  it('drops the rest of the report when the reader stops early (| head)', () => {
    const stdout = new EventEmitter();
    dropOutputOnClosedPipe(stdout);
    expect(stdout.emit('error', failure('EPIPE'))).toBe(true);
  });

  it('still raises any other write error', () => {
    const stdout = new EventEmitter();
    dropOutputOnClosedPipe(stdout);
    expect(() => stdout.emit('error', failure('ENOSPC'))).toThrow('write ENOSPC');
  });

  it('keeps a stream that lost its reader from raising on later writes', async () => {
    const stdout = new PassThrough();
    dropOutputOnClosedPipe(stdout);
    stdout.destroy(failure('EPIPE'));
    const written = await new Promise<Error | null | undefined>((resolve) => stdout.write('more', resolve));
    expect(written).toMatchObject({ code: 'ERR_STREAM_DESTROYED' });
  });

  it('without it, a closed pipe is an unhandled error', () => {
    const stdout = new EventEmitter();
    expect(() => stdout.emit('error', failure('EPIPE'))).toThrow('write EPIPE');
  });
});
