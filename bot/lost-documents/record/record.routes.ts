import { randomBytes } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../../db/client.js'
import { auditLog, LANGUAGES } from '../../../db/schema/index.js'
import { AppError, NotFoundError } from '../../errors.js'
import { prefersHtml } from '../../http/accepts.js'
import { addRateLimit } from '../../http/rate-limit.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { renderVerifyPage } from '../verify/verify.page.js'
import { type LinkProblem, renderLinkProblemPage } from './link-problem.page.js'
import { loadRecord } from './load.js'
import { renderRecordPdf } from './pdf.js'
import type { Records } from './records.js'
import { RecordKeyChangedError } from './token.js'

export type RecordRoutesOptions = {
  db: Db
  records: Pick<Records, 'checkLink' | 'tokenFor' | 'verifyUrl'>
  /** The record states the citizen's story, stored encrypted. */
  cipher: Pick<PiiCipher, 'decrypt'>
  /** Rendering costs ~0.2 s of CPU: a per-IP cap keeps a leaked link from becoming a load generator. */
  rateLimit?: { max: number; timeWindowMs: number }
  now?: () => Date
}

/** A page-only CSP: this page's inline style, nothing else, and no framing. */
function pageHeaders(reply: FastifyReply): string {
  const nonce = randomBytes(16).toString('base64')
  reply.header('content-security-policy', `default-src 'none'; style-src 'nonce-${nonce}'; frame-ancestors 'none'`)
  return nonce
}

/**
 * LINE opens the link in its browser: a person there gets a page saying what happened and how to get a new link;
 * an API client (Accept: application/json, or anything) keeps the JSON error.
 */
function linkProblem(req: FastifyRequest, reply: FastifyReply, problem: LinkProblem) {
  if (!prefersHtml(req.headers.accept)) {
    throw problem === 'not_issued'
      ? new NotFoundError('no issued record for this report', 'ยังไม่มีบันทึกที่ออกแล้วสำหรับเรื่องนี้')
      : new LinkError(problem)
  }
  const nonce = pageHeaders(reply)
  return reply
    .status(problem === 'not_issued' ? 404 : 403)
    .type('text/html; charset=utf-8')
    .send(renderLinkProblemPage(problem, nonce))
}

class LinkError extends AppError {
  constructor(code: 'link_invalid' | 'link_expired') {
    super(
      code,
      403,
      code === 'link_expired' ? 'this download link has expired' : 'this download link is not valid',
      code === 'link_expired' ? 'ลิงก์ดาวน์โหลดหมดอายุแล้ว ขอลิงก์ใหม่ได้จากเมนูติดตามเรื่องในแชต' : 'ลิงก์ดาวน์โหลดไม่ถูกต้อง',
    )
  }
}

const query = z.object({
  lang: z.enum(LANGUAGES).default('th'),
  exp: z.string().max(20).optional(),
  sig: z.string().max(100).optional(),
})

/**
 * GET /api/liff/lost-documents/:caseId/record.pdf?lang&exp&sig: the record as a PDF, for whoever holds a link
 * signed by signedPdfUrl (no LIFF login: LINE opens it in its browser). Tampered or expired → 403, a page for a
 * browser (what happened, how to get a new link) or JSON with a code for an API client; revoked → 410 with a
 * page; only issued records render. Each download is audited (no personal data).
 */
export const recordRoutes: FastifyPluginAsyncZod<RecordRoutesOptions> = async (app, opts) => {
  const now = opts.now ?? (() => new Date())
  await addRateLimit(app, opts.rateLimit, {
    defaults: { max: 20, timeWindowMs: 60_000 },
    text: { en: (after) => `Too many downloads. Try again in ${after}.`, th: 'ดาวน์โหลดถี่เกินไป' },
  })

  app.get(
    '/api/liff/lost-documents/:caseId/record.pdf',
    // Logged like any request: the logger drops the query, whose signature opens the record for a week.
    { schema: { hide: true, params: z.object({ caseId: z.string() }), querystring: query } },
    async (req, reply) => {
      const at = now()
      const { caseId } = req.params
      const { lang } = req.query
      const check = opts.records.checkLink({ caseId, lang, exp: req.query.exp, sig: req.query.sig }, at)
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer')
      reply.header('x-robots-tag', 'noindex, nofollow').header('x-content-type-options', 'nosniff')
      if (check !== 'ok') {
        return linkProblem(req, reply, check === 'expired' ? 'link_expired' : 'link_invalid')
      }
      const loaded = await opts.db.transaction(async (tx) => {
        const found = await loadRecord(tx, caseId, opts.cipher)
        if (found === 'purged') {
          return found
        }
        if (found?.report.issuedAt && found.report.verifyTokenHash && !found.report.revokedAt) {
          await tx.insert(auditLog).values({
            stationId: found.case.stationId,
            actor: 'link',
            action: 'lost_document.pdf_download',
            entityType: 'case',
            entityId: found.case.id,
            ip: req.ip,
            details: { lang },
          })
        }
        return found
      })
      if (loaded === 'purged') {
        throw new AppError(
          'record_purged',
          410,
          "this record's personal data was removed after its retention period; its QR code still verifies it",
          'ข้อมูลส่วนบุคคลของบันทึกนี้ถูกลบตามระยะเวลาการเก็บรักษาแล้ว ยังตรวจสอบความถูกต้องได้จาก QR code บนเอกสาร',
        )
      }
      const record = loaded
      if (record && (record.report.revokedAt || record.case.status === 'revoked')) {
        const nonce = pageHeaders(reply)
        const verdict = {
          status: 'revoked' as const,
          referenceNumber: record.case.referenceNumber,
          issuedAt: record.report.issuedAt ?? record.case.createdAt,
          revokedAt: record.report.revokedAt ?? record.case.updatedAt,
          station: record.station,
        }
        return reply
          .status(410)
          .type('text/html; charset=utf-8')
          .send(renderVerifyPage({ verdict, checkedAt: at, nonce }))
      }
      const issuedAt = record?.report.issuedAt
      const hash = record?.report.verifyTokenHash
      if (!record || !issuedAt || !hash) {
        return linkProblem(req, reply, 'not_issued')
      }
      let token: string
      try {
        token = opts.records.tokenFor({ caseId: record.case.id, issuedAt, verifyTokenHash: hash })
      } catch (err) {
        if (err instanceof RecordKeyChangedError) {
          req.log.error({ caseId: record.case.id }, 'record cannot be re-rendered: SESSION_SECRET changed since issue')
          throw new AppError('record_key_changed', 500, 'this record cannot be rendered again; contact the station')
        }
        throw err
      }
      // The QR code is PUBLIC_BASE_URL's, whoever downloads: a printed record must not carry a test address.
      const pdf = await renderRecordPdf(record, { lang, verifyUrl: opts.records.verifyUrl(token) })
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${record.case.referenceNumber}.pdf"`)
        .send(pdf)
    },
  )
}
