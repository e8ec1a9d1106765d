import type { FastifyReply } from 'fastify'
import { defaultMessageFor } from '../spec/line-errors.js'
import type { EmulatorState } from '../state.js'
import type { Fault } from '../types.js'

/** Takes the first fault matching this request and counts it down; removes it when used up. */
export function takeFault(state: EmulatorState, method: string, path: string): Fault | undefined {
  const index = state.faults.findIndex((f) => matches(f, method, path))
  const fault = state.faults[index]
  if (!fault) {
    return undefined
  }
  const left = (fault.times ?? 1) - 1
  if (left <= 0) {
    state.faults.splice(index, 1)
  } else {
    fault.times = left
  }
  return fault
}

function matches(fault: Fault, method: string, path: string): boolean {
  if (fault.method && fault.method.toUpperCase() !== method) {
    return false
  }
  return typeof fault.path === 'string' ? fault.path === path : fault.path.test(path)
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

export function sendFault(reply: FastifyReply, fault: Fault) {
  return reply
    .code(fault.status)
    .headers(fault.headers ?? {})
    .send(fault.body ?? { message: defaultMessageFor(fault.status) })
}
