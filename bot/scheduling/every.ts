/**
 * Runs `tick` every `everyMs` in this process, one run at a time (the next waits for the last to finish), the first
 * after a full interval: a restart loop never turns into a burst of runs. A failed run is reported and the loop goes
 * on. `stop` waits for a run in flight. The worker role starts such loops (escalations, the house-watch clock).
 */
export function createEvery(tick: () => Promise<unknown>, everyMs: number, onError: (err: unknown) => void) {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> | undefined
  return {
    start() {
      const again = () => {
        running = tick()
          .catch(onError)
          .finally(() => {
            timer = setTimeout(again, everyMs)
            timer.unref()
          })
      }
      timer = setTimeout(again, everyMs)
      timer.unref()
    },
    async stop() {
      clearTimeout(timer)
      await running
      clearTimeout(timer)
    },
  }
}
