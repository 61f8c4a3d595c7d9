/**
 * The atomic writer (src/node/write.ts) under faults: short writes, a device
 * that takes no more bytes, a failing write, fsync or rename. Each fault is
 * injected through the writer's file-system calls; whatever happens, the
 * target keeps its old bytes and no temporary file is left behind.
 * The real full-disk cases (a file-size limit, a tiny tmpfs) run in child
 * processes in tests/full-disk.test.ts. The signal tests run the built
 * writer (`dist/`, made by `npm run build`) in a child process.
 */
import {spawnSync} from 'node:child_process'
import {chmodSync, existsSync, lstatSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {defaultRuleSet} from '../src/plugin-api.js'
import {checkFile, type CheckSettings} from '../src/node/check-file.js'
import {DEFAULT_MAX_BYTES} from '../src/node/read.js'
import {nodeWriterFs, writeFileSafely, writeOutputs, WriteError, type WritableHandle, type WriterFs} from '../src/node/write.js'
import {SPAMMY_ARTICLE} from './support/git-hook.js'
import {listFiles, tree} from './support/temp-tree.js'

const OLD = 'the old bytes of the file\n'
const NEW = `${'a new and longer text, '.repeat(200)}\n`

/** The real writer's calls, with the open handle's calls changed by `handle`. */
function faultyFs(handle: (real: WritableHandle) => Partial<WritableHandle>, overrides: Partial<WriterFs> = {}): WriterFs {
  return {
    ...nodeWriterFs,
    open: async (path, flags, mode) => {
      const real = await nodeWriterFs.open(path, flags, mode)
      return {
        write: real.write.bind(real),
        sync: real.sync.bind(real),
        chmod: real.chmod.bind(real),
        close: real.close.bind(real),
        ...handle(real),
      }
    },
    ...overrides,
  }
}

async function failure(promise: Promise<unknown>): Promise<WriteError> {
  const error = await promise.then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(error).toBeInstanceOf(WriteError)
  return error as WriteError
}

describe('writeFileSafely', () => {
  it('continues short writes until every byte is written', async () => {
    const root = tree({'a.md': OLD})
    const calls: number[] = []
    // A device that takes at most 7 bytes per call.
    const fs = faultyFs((real) => ({
      write: async (buffer, offset, length, position) => {
        calls.push(length)
        return real.write(buffer, offset, Math.min(length, 7), position)
      },
    }))
    await writeFileSafely(join(root, 'a.md'), NEW, {fs})
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe(NEW)
    expect(calls.length).toBe(Math.ceil(Buffer.byteLength(NEW) / 7))
    expect(listFiles(root)).toEqual(['a.md'])
  })

  it('fails on a write that makes no progress (a full device), keeping the old bytes', async () => {
    const root = tree({'a.md': OLD})
    let total = 0
    // 4,096 bytes go in, then the device takes nothing more: what a nearly full disk does.
    const fs = faultyFs((real) => ({
      write: async (buffer, offset, length, position) => {
        const room = Math.max(0, 4096 - total)
        const result = room === 0 ? {bytesWritten: 0} : await real.write(buffer, offset, Math.min(length, room), position)
        total += result.bytesWritten
        return result
      },
    }))
    const error = await failure(writeFileSafely(join(root, 'a.md'), NEW, {fs}))
    expect(error.message).toBe(
      `cannot write ${join(root, 'a.md')}: no space left on device (short write: 4096 of ${Buffer.byteLength(NEW)} bytes written)`,
    )
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe(OLD)
    expect(listFiles(root)).toEqual(['a.md'])
  })

  it.each([
    ['write', 'ENOSPC', 'no space left on device'],
    ['write', 'EFBIG', 'file too large'],
    ['write', 'EDQUOT', 'disk quota exceeded'],
    ['sync', 'EIO', 'EIO'],
    ['close', 'EIO', 'EIO'],
  ] as const)('a failing %s (%s) leaves the old bytes and no temporary file', async (call, code, cause) => {
    const root = tree({'a.md': OLD})
    const fs = faultyFs(() => ({
      [call]: async () => {
        throw Object.assign(new Error(`${code}: injected`), {code})
      },
    }))
    const error = await failure(writeFileSafely(join(root, 'a.md'), NEW, {fs, fsync: true}))
    expect(error.message).toContain(cause)
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe(OLD)
    expect(listFiles(root)).toEqual(['a.md'])
  })

  it('a failing rename leaves the old bytes and no temporary file', async () => {
    const root = tree({'a.md': OLD})
    const fs = faultyFs(() => ({}), {
      rename: async () => {
        throw Object.assign(new Error('EXDEV: injected'), {code: 'EXDEV'})
      },
    })
    await failure(writeFileSafely(join(root, 'a.md'), NEW, {fs}))
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe(OLD)
    expect(listFiles(root)).toEqual(['a.md'])
  })

  it('flushes before the rename when asked, and only then', async () => {
    const root = tree({'a.md': OLD})
    const events: string[] = []
    const fs = faultyFs(
      (real) => ({
        sync: async () => {
          events.push('sync')
          await real.sync()
        },
      }),
      {
        rename: async (from, to) => {
          events.push('rename')
          await nodeWriterFs.rename(from, to)
        },
      },
    )
    await writeFileSafely(join(root, 'a.md'), NEW, {fs, fsync: true})
    await writeFileSafely(join(root, 'a.md'), OLD, {fs})
    expect(events).toEqual(['sync', 'rename', 'rename'])
  })

  it('keeps the permission bits of the file it replaces, and writes through a symbolic link', async () => {
    const root = tree({'a.md': OLD, 'real.md': OLD})
    chmodSync(join(root, 'a.md'), 0o640)
    symlinkSync('real.md', join(root, 'link.md'))
    await writeFileSafely(join(root, 'a.md'), NEW)
    await writeFileSafely(join(root, 'link.md'), NEW)
    expect(statSync(join(root, 'a.md')).mode & 0o777).toBe(0o640)
    expect(lstatSync(join(root, 'link.md')).isSymbolicLink()).toBe(true)
    expect(readlinkSync(join(root, 'link.md'))).toBe('real.md')
    expect(readFileSync(join(root, 'real.md'), 'utf8')).toBe(NEW)
  })

  it('never opens an existing file as its temporary file', async () => {
    const root = tree({'a.md': OLD})
    const flags: number[] = []
    const fs = faultyFs(() => ({}), {
      open: async (path, flag, mode) => {
        flags.push(flag)
        // Someone else's file already sits where the temporary file would go.
        writeFileSync(path, 'not ours')
        return nodeWriterFs.open(path, flag, mode)
      },
    })
    const error = await failure(writeFileSafely(join(root, 'a.md'), NEW, {fs}))
    expect(error.message).toMatch(/EEXIST/)
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe(OLD)
  })
})

describe('making the folders of an output', () => {
  it("ends with an error where the file system refuses a folder its parent holds (Node's recursive mkdir loops forever on /proc)", async (context) => {
    if (!existsSync('/proc/self')) context.skip('no /proc on this system')
    await expect(writeFileSafely('/proc/decruft-test/deeper/a.md', 'x\n')).rejects.toThrow(
      /cannot write \/proc\/decruft-test\/deeper\/a\.md: no such file or directory/,
    )
  })

  it('makes every missing level, and a folder made meanwhile is no error', async () => {
    const root = tree({'keep.md': 'k\n'})
    await Promise.all([writeFileSafely(join(root, 'a/b/c/one.md'), '1\n'), writeFileSafely(join(root, 'a/b/c/two.md'), '2\n')])
    expect(listFiles(root)).toEqual(['a/b/c/one.md', 'a/b/c/two.md', 'keep.md'])
  })
})

describe('temporary files a killed run left behind', () => {
  it('are removed by the next write into their folder; those of a running process stay', async () => {
    // The pid of a process that has ended: a SIGKILLed run's temporary file carries one.
    const dead = spawnSync(process.execPath, ['-e', '']).pid
    const root = tree({
      'out/a.md': 'old\n',
      [`out/.a.md.decruft-${dead}-0-1.tmp`]: 'half an outp',
      [`out/.b.json.decruft-${dead}-3-7.tmp`]: '{"half":',
      [`out/.c.md.decruft-${process.pid}-0-999.tmp`]: 'in flight',
      'out/.notes.tmp': "not the writer's",
    })
    await writeFileSafely(join(root, 'out/a.md'), 'new\n')
    expect(listFiles(root)).toEqual(['out/.c.md.decruft-' + process.pid + '-0-999.tmp', 'out/.notes.tmp', 'out/a.md'])
    expect(readFileSync(join(root, 'out/a.md'), 'utf8')).toBe('new\n')
  })
})

describe('writeOutputs', () => {
  it('writes every output in full before renaming any: a full disk on the second leaves the first old output as it was', async () => {
    const root = tree({'out/a.md': OLD, 'out/a.json': '{"old": true}\n'})
    let opened = 0
    const fs = faultyFs(() => {
      opened++
      return opened === 2
        ? {
            write: async () => {
              throw Object.assign(new Error('ENOSPC: injected'), {code: 'ENOSPC'})
            },
          }
        : {}
    })
    const error = await failure(
      writeOutputs(
        [
          {path: join(root, 'out/a.md'), data: NEW},
          {path: join(root, 'out/a.json'), data: '{"new": true}\n'},
        ],
        {fs},
      ),
    )
    expect(error.message).toBe(`cannot write ${join(root, 'out/a.json')}: no space left on device`)
    expect(readFileSync(join(root, 'out/a.md'), 'utf8')).toBe(OLD)
    expect(readFileSync(join(root, 'out/a.json'), 'utf8')).toBe('{"old": true}\n')
    expect(listFiles(root)).toEqual(['out/a.json', 'out/a.md'])
  })
})

describe('an interrupted write', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s removes the temporary file in flight and still ends the process by the signal', (signal) => {
    const root = tree({'a.md': OLD})
    // The child starts a write that never finishes (the device hangs after the first bytes), then is signalled.
    const script = `
      const {writeFileSafely, nodeWriterFs} = await import(${JSON.stringify(new URL('../dist/node/index.js', import.meta.url).href)})
      const fs = {...nodeWriterFs, open: async (path, flags, mode) => {
        const real = await nodeWriterFs.open(path, flags, mode)
        return {write: async (b, o, l, p) => { await real.write(b, o, 1, p); process.kill(process.pid, ${JSON.stringify(signal)}); return new Promise(() => {}) },
          sync: () => real.sync(), chmod: (m) => real.chmod(m), close: () => real.close()}
      }}
      setTimeout(() => {}, 60000)
      await writeFileSafely(${JSON.stringify(join(root, 'a.md'))}, 'new text', {fs})
    `
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8', timeout: 60_000})
    expect(result.stderr).toBe('')
    expect(result.signal).toBe(signal)
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe(OLD)
    expect(listFiles(root)).toEqual(['a.md'])
  })
})

describe('check --write (checkFile)', () => {
  it('leaves a file that was saved again while it was being checked as it is', async () => {
    const root = tree({'post.md': SPAMMY_ARTICLE})
    const path = join(root, 'post.md')
    const edited = `${SPAMMY_ARTICLE}\nA paragraph the author just added.\n`
    const settings: CheckSettings = {
      rules: defaultRuleSet(),
      enable: [],
      disable: [],
      maxBytes: DEFAULT_MAX_BYTES,
      severity: {},
      write: true,
      detectSite: true,
      // Runs between the read and the write: the author saves the file then.
      siteDetector: {
        detect: async () => {
          writeFileSync(path, edited)
          return undefined
        },
      },
    }
    const report = await checkFile(path, 'post.md', settings)
    expect(report.fixed).toBe(false)
    expect(report.error).toBe('post.md: changed while it was being checked; left as it is (run again)')
    expect(report.findings.length).toBeGreaterThan(0)
    expect(readFileSync(path, 'utf8')).toBe(edited)
  })
})

describe('an interrupted write on a worker thread', () => {
  it("the main thread removes the worker's temporary file on SIGTERM", () => {
    const root = tree({'a.md': OLD})
    const dist = (path: string) => JSON.stringify(new URL(`../dist/node/${path}`, import.meta.url).href)
    // The worker starts a write that never finishes; the main thread waits until it has heard of the temporary file, then is signalled.
    const worker = `
      const {writeFileSafely, nodeWriterFs} = await import(${dist('index.js')})
      const fs = {...nodeWriterFs, open: async (path, flags, mode) => {
        const real = await nodeWriterFs.open(path, flags, mode)
        return {write: async (b, o, l, p) => { await real.write(b, o, 1, p); return new Promise(() => {}) },
          sync: () => real.sync(), chmod: (m) => real.chmod(m), close: () => real.close()}
      }}
      // Keep the thread alive: a promise alone does not.
      setInterval(() => {}, 1000)
      await writeFileSafely(${JSON.stringify(join(root, 'a.md'))}, 'new text', {fs})
    `
    const script = `
      const {Worker} = await import('node:worker_threads')
      const {watchTemporaryFiles, temporaryFilesInFlight} = await import(${dist('temporary-files.js')})
      watchTemporaryFiles()
      // Keep the process alive until the signal arrives.
      setTimeout(() => {}, 60000)
      new Worker(new URL('data:text/javascript,' + encodeURIComponent(${JSON.stringify(worker)})))
      const wait = setInterval(() => {
        if (temporaryFilesInFlight().length === 0) return
        clearInterval(wait)
        process.kill(process.pid, 'SIGTERM')
      }, 10)
    `
    // A child that never hears of the worker's file is killed (SIGKILL, not the SIGTERM expected) after 30 s.
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
      killSignal: 'SIGKILL',
    })
    expect(result.stderr).toBe('')
    expect(result.signal).toBe('SIGTERM')
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe(OLD)
    expect(listFiles(root)).toEqual(['a.md'])
  })
})
