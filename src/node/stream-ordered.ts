/**
 * runOrdered (ordered.ts) for a source of unknown length whose results go to
 * a sink that can push back: items are pulled from an async iterator only
 * while fewer than `window` of them are read and not yet emitted, at most
 * `concurrency` run at once, and results are emitted in source order, one
 * at a time, each emit awaited (a stream's `drain`). So a slow consumer
 * stops the reading, and memory stays bounded whatever the length of the
 * source. Reading, running and emitting overlap: a finished result is
 * emitted while the next item is awaited, so a producer that waits for an
 * answer before sending more is never deadlocked.
 */
import type {OrderedOptions} from './ordered.js'

/**
 * Run `run` on each item of `source` and `emit` each result in source
 * order; resolves to the number of items. `run` must not reject (turn
 * failures into results); if it, `emit` or the source does, the whole run
 * rejects once the work in flight has settled.
 */
export function runOrderedStream<T, R>(
  source: AsyncIterable<T>,
  run: (item: T, index: number) => Promise<R>,
  emit: (result: R, index: number) => void | Promise<void>,
  options: OrderedOptions,
): Promise<number> {
  const iterator = source[Symbol.asyncIterator]()
  const concurrency = Math.max(1, options.concurrency)
  const window = Math.max(concurrency, options.window)
  const finished = new Map<number, R>()
  let started = 0
  let nextToEmit = 0
  let active = 0
  let reading = false
  let emitting = false
  let ended = false
  let failure: {error: unknown} | undefined
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      if (!failure) {
        failure = {error}
        // Best effort: let the source release what it holds.
        void iterator.return?.()?.catch(() => undefined)
      }
      pump()
    }
    const pump = () => {
      if (failure) {
        if (active === 0 && !reading && !emitting) reject(failure.error)
        return
      }
      if (!reading && !ended && active < concurrency && started < nextToEmit + window) {
        reading = true
        iterator.next().then(
          (next) => {
            reading = false
            if (next.done) ended = true
            else if (!failure) start(next.value)
            pump()
          },
          (error: unknown) => {
            reading = false
            fail(error)
          },
        )
      }
      if (!emitting && finished.has(nextToEmit)) {
        emitting = true
        const result = finished.get(nextToEmit) as R
        finished.delete(nextToEmit)
        let emitted: void | Promise<void>
        try {
          emitted = emit(result, nextToEmit)
        } catch (error) {
          emitting = false
          fail(error)
          return
        }
        Promise.resolve(emitted).then(
          () => {
            emitting = false
            nextToEmit++
            pump()
          },
          (error: unknown) => {
            emitting = false
            fail(error)
          },
        )
      }
      if (ended && !reading && !emitting && active === 0 && nextToEmit === started) resolve(started)
    }
    const start = (item: T) => {
      const index = started++
      active++
      run(item, index).then(
        (result) => {
          active--
          finished.set(index, result)
          pump()
        },
        (error: unknown) => {
          active--
          fail(error)
        },
      )
    }
    pump()
  })
}
