/**
 * When a run uses worker threads (src/node/pool.ts: cores − 1 workers from
 * three cores on, in-process below, and only above the size threshold), and
 * the shared slot that hands a batch's learned template index to the pool
 * that learned it (src/node/learned-slot.ts).
 */
import {Worker} from 'node:worker_threads'
import {describe, expect, it} from 'vitest'
import {createLearnedSlot, fillLearnedSlot, readLearnedSlot} from '../src/node/learned-slot.js'
import {defaultThreads, MIN_POOL_CORES, POOL_THRESHOLD, threadsFor, usesWorkers} from '../src/node/pool.js'

describe('the default concurrency', () => {
  it('is one thread (in-process) below three cores, cores − 1 workers from three on', () => {
    expect(MIN_POOL_CORES).toBe(3)
    expect([1, 2, 3, 4, 8, 64].map((cores) => defaultThreads(cores))).toEqual([1, 1, 2, 3, 7, 63])
  })

  it('uses workers only for more than POOL_THRESHOLD articles and more than one thread', () => {
    expect(usesWorkers(POOL_THRESHOLD + 1, defaultThreads(2))).toBe(false)
    expect(usesWorkers(POOL_THRESHOLD + 1, defaultThreads(4))).toBe(true)
    expect(usesWorkers(POOL_THRESHOLD, defaultThreads(4))).toBe(false)
    expect(usesWorkers(10, 1, 'workers')).toBe(true)
    expect(usesWorkers(10_000, 8, 'inline')).toBe(false)
  })

  it('takes --concurrency over the cores', () => {
    expect(threadsFor(4)).toBe(4)
    expect(threadsFor(1)).toBe(1)
    expect(threadsFor(undefined)).toBe(defaultThreads())
  })
})

describe('the learned slot', () => {
  it('is empty until filled, then holds the text, non-ASCII included', () => {
    const slot = createLearnedSlot()
    expect(readLearnedSlot(slot)).toBeUndefined()
    const text = '{"sites":{"dir:in/zh":{"articles":8}}} — 版权所有\n'
    expect(fillLearnedSlot(slot, text)).toBe(true)
    expect(readLearnedSlot(slot)).toBe(text)
  })

  it('refuses a text larger than it can grow to', () => {
    const slot = createLearnedSlot(16)
    expect(fillLearnedSlot(slot, 'x'.repeat(17))).toBe(false)
    expect(readLearnedSlot(slot)).toBeUndefined()
    expect(fillLearnedSlot(slot, 'x'.repeat(16))).toBe(true)
  })

  it('is seen filled by a worker that started before it was filled', async () => {
    const slot = createLearnedSlot()
    const worker = new Worker(
      `const {parentPort, workerData} = require('node:worker_threads')
       parentPort.on('message', () => {
         const stored = Atomics.load(new Int32Array(workerData.slot, 0, 1), 0)
         parentPort.postMessage(stored === 0 ? null : Buffer.from(workerData.slot, 8, stored - 1).toString('utf8'))
       })`,
      {eval: true, workerData: {slot}},
    )
    const ask = () =>
      new Promise<string | null>((resolve) => {
        worker.once('message', resolve)
        worker.postMessage('read')
      })
    try {
      expect(await ask()).toBeNull()
      fillLearnedSlot(slot, 'the learned index')
      expect(await ask()).toBe('the learned index')
    } finally {
      await worker.terminate()
    }
  })
})
