import { asc, eq, inArray } from 'drizzle-orm'
import { caseEvents, cases, lostDocumentItems, lostDocumentReports } from '../../db/schema/index.js'
import type { ExportSection } from '../privacy/data-subject.routes.js'
import type { PiiCipher } from '../privacy/pii-cipher.js'

const iso = (d: Date | null) => d?.toISOString() ?? null

/**
 * The lost-document part of a citizen's data export: every report with its numbers decrypted (their own data),
 * the items and the timeline they can see (no officers' internal notes).
 */
export function lostDocumentExport(cipher: PiiCipher): ExportSection {
  return {
    name: 'lostDocumentReports',
    async collect(tx, citizen) {
      const rows = await tx
        .select({ case: cases, report: lostDocumentReports })
        .from(lostDocumentReports)
        .innerJoin(cases, eq(cases.id, lostDocumentReports.caseId))
        .where(eq(lostDocumentReports.citizenId, citizen.id))
        .orderBy(asc(lostDocumentReports.createdAt))
      const ids = rows.map((r) => r.case.id)
      const items = ids.length
        ? await tx.select().from(lostDocumentItems).where(inArray(lostDocumentItems.caseId, ids))
        : []
      const events = ids.length ? await tx.select().from(caseEvents).where(inArray(caseEvents.caseId, ids)) : []
      return rows.map(({ case: c, report: r }) => ({
        referenceNumber: c.referenceNumber,
        status: c.status,
        channel: r.channel,
        createdAt: iso(r.createdAt),
        declarantName: r.declarantName,
        idType: r.idType,
        idNumber: cipher.decrypt(r.idNumberEnc),
        dateOfBirth: r.dateOfBirth,
        phone: cipher.decrypt(r.phoneEnc),
        address: r.address,
        lostFrom: iso(r.lostFrom),
        lostTo: iso(r.lostTo),
        placeText: r.placeText,
        location: r.latitude !== null && r.longitude !== null ? { latitude: r.latitude, longitude: r.longitude } : null,
        circumstances: r.circumstances,
        declaredAt: iso(r.declaredAt),
        consentVersion: r.consentVersion,
        issuedAt: iso(r.issuedAt),
        revokedAt: iso(r.revokedAt),
        items: items
          .filter((i) => i.caseId === c.id)
          .sort((a, b) => a.position - b.position)
          .map((i) => ({
            documentType: i.documentType,
            number: i.numberEnc ? cipher.decrypt(i.numberEnc) : null,
            issuer: i.issuer,
          })),
        history: events
          .filter((e) => e.caseId === c.id && !e.internal)
          .sort((a, b) => a.id - b.id)
          .map((e) => ({ type: e.type, status: e.toStatus, body: e.body, at: iso(e.createdAt) })),
      }))
    },
  }
}
