/**
 * Run tasks with bounded concurrency and hand their results over in input
 * order. Results that finish early wait in a buffer, and no task starts more
 * than `window` places ahead of the oldest unfinished one, so the buffer, and
 * the memory of a batch, stays bounded whatever the number of tasks.
 */
export interface OrderedOptions {
  /** Tasks running at once. */
  concurrency: number
  /** How far ahead of the oldest unfinished task a task may start (≥ concurrency). */
  window: number
}

/**
 * Call `run` for each index in `0..count-1` and `emit` with each result in
 * index order. `run` must not reject (turn failures into results); if it
 * does, the whole run rejects once the tasks in flight have settled.
 */
export function runOrdered<R>(
  count: number,
  run: (index: number) => Promise<R>,
  emit: (result: R, index: number) => void,
  options: OrderedOptions,
): Promise<void> {
  const concurrency = Math.max(1, options.concurrency)
  const window = Math.max(concurrency, options.window)
  const finished = new Map<number, R>()
  let nextToStart = 0
  let nextToEmit = 0
  let active = 0
  let failure: {error: unknown} | undefined
  return new Promise((resolve, reject) => {
    const settle = () => {
      if (active > 0) return
      if (failure) reject(failure.error)
      else if (nextToEmit === count) resolve()
    }
    const pump = () => {
      while (!failure && active < concurrency && nextToStart < count && nextToStart < nextToEmit + window) {
        const index = nextToStart++
        active++
        run(index).then(
          (result) => {
            active--
            finished.set(index, result)
            try {
              while (finished.has(nextToEmit)) {
                const next = finished.get(nextToEmit) as R
                finished.delete(nextToEmit)
                emit(next, nextToEmit++)
              }
            } catch (error) {
              failure ??= {error}
            }
            pump()
            settle()
          },
          (error: unknown) => {
            active--
            failure ??= {error}
            settle()
          },
        )
      }
    }
    pump()
    settle()
  })
}
