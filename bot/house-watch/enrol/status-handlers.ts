import type { StatusHandlers } from '../../cases/case-actions.js'
import { BadRequestError } from '../../errors.js'
import { approveWatch, type OwnerPageUrl, rejectWatch } from './approve.js'

const REASON = {
  th: 'กรุณาพิมพ์เหตุผลที่ไม่อนุมัติในช่องข้อความถึงผู้ขอ (จำเป็น)',
  en: 'Please write why the request is not approved in the message to the citizen (required).',
}

/**
 * The duty officer's decision on a house-watch request from the case page (the inbox's status route, `cases.act`):
 * 'approved' makes the patrol point and tells the owner; 'rejected' needs the reason, which the owner is told. The
 * route audits the move itself ('case.status').
 */
export function createHouseWatchStatusHandlers({ ownerPage }: { ownerPage: OwnerPageUrl }) {
  return {
    house_watch: {
      approved: (tx, who, c, input, now) =>
        approveWatch(tx, c, {
          officerId: who.officerId,
          now,
          notify: true,
          ownerPage,
          ...(input.message?.trim() ? { message: input.message.trim() } : {}),
        }),
      rejected: (tx, who, c, input, now) => {
        const reason = input.message?.trim()
        if (!reason) {
          throw new BadRequestError(REASON.en, REASON.th, [
            { field: 'message', messageTh: REASON.th, messageEn: REASON.en },
          ])
        }
        return rejectWatch(tx, c, { officerId: who.officerId, reason: reason.slice(0, 1_000), now })
      },
    },
  } satisfies StatusHandlers
}
