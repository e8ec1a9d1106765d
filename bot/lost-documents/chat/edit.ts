import type { EditGroup } from './choices.js'
import type { Flow } from './flow-state.js'
import type { Step } from './kit.js'

/** The steps that give each answer of the summary (an address is nine steps, a time range three). */
const GROUP_STEPS: Record<EditGroup, readonly Step[]> = {
  name: ['name'],
  id: ['idType', 'idNumber'],
  dob: ['dob'],
  phone: ['phone'],
  address: ['houseNo', 'village', 'moo', 'soi', 'road', 'subdistrict', 'district', 'province', 'postcode'],
  items: ['itemType', 'itemNumber', 'itemIssuer', 'moreItems'],
  when: ['when', 'whenFrom', 'whenTo'],
  where: ['where'],
  story: ['circumstances'],
}

function groupOf(step: Step): EditGroup | undefined {
  return (Object.keys(GROUP_STEPS) as EditGroup[]).find((g) => GROUP_STEPS[g].includes(step))
}

/**
 * "Edit" on the summary, then an answer: its first step, in edit mode. The documents are chosen again from the
 * start (the list is short and its numbers are masked on the summary, so re-entering is clearer than picking one).
 */
export function startEdit(flow: Flow, group: EditGroup): Flow {
  const step = GROUP_STEPS[group][0] ?? 'name'
  const data = group === 'items' ? { ...flow.data, items: [], item: undefined } : flow.data
  return { ...flow, step, data, editing: true, misses: 0 }
}

/** Where an answer leads: the next step, or back to the summary once the answer being edited is complete. */
export function nextStep(flow: Flow, next: Step): { step: Step; editing?: boolean } {
  if (flow.editing && groupOf(next) !== groupOf(flow.step)) {
    return { step: 'declaration', editing: false }
  }
  return { step: next, editing: flow.editing }
}
