import type { messagingApi } from '@line/bot-sdk'
import type { Tx } from '../../db/client.js'
import type { Case, Station } from '../../db/schema/index.js'
import { formatDateTime } from '../i18n/index.js'
import { writeOutbox } from '../line/outbox.js'
import { STATUS_LABELS } from './statuses.js'

const KIND_LABELS: Record<Case['kind'], string> = {
  lost_document: 'แจ้งเอกสารหาย',
  house_watch: 'ฝากบ้าน',
  consultation: 'ปรึกษากฎหมาย',
  sos: 'เหตุฉุกเฉิน SOS',
}

/**
 * Who to call back, on an urgent alert: the citizen's LINE name, and a phone number only when the citizen gave one
 * for this case. Officers answer in the case's chat on the admin page (the "ติดต่อกลับ" button).
 */
export type AlertContact = { name: string | null; phone?: string | null }

/** The phone as dialled: digits and a leading +, nothing else reaches the tel: URI. */
function telUri(phone: string): string | undefined {
  const digits = phone.replace(/[^\d+]/g, '')
  return /^\+?\d{3,15}$/.test(digits) ? `tel:${digits}` : undefined
}

/** The card officers see in the station's LINE group; opens the case in the admin LIFF app. */
export function stationAlertCard(
  c: Case,
  adminLiffId: string,
  contact?: AlertContact,
  status = c.status,
): messagingApi.FlexMessage {
  const urgent = c.priority === 'urgent'
  const caseUrl = `https://liff.line.me/${adminLiffId}/cases/${c.id}`
  const rows: messagingApi.FlexComponent[] = [
    { type: 'text', text: c.referenceNumber, weight: 'bold', size: 'md', wrap: true },
    { type: 'text', text: `สถานะ: ${STATUS_LABELS[status]?.th ?? status}`, size: 'sm', color: '#555555' },
    { type: 'text', text: formatDateTime('th', c.createdAt), size: 'sm', color: '#555555' },
  ]
  if (c.summary) {
    rows.push({ type: 'text', text: c.summary, size: 'sm', wrap: true })
  }
  if (contact) {
    rows.push({ type: 'text', text: `ผู้แจ้ง (ชื่อ LINE): ${contact.name?.trim() || 'ไม่ทราบ'}`, size: 'sm', wrap: true })
    if (contact.phone) {
      rows.push({ type: 'text', text: `โทรศัพท์: ${contact.phone}`, size: 'sm', wrap: true })
    }
  }
  const footer: messagingApi.FlexComponent[] = [
    {
      type: 'button',
      style: 'primary',
      color: urgent ? '#B71C1C' : '#1A3A6B',
      action: { type: 'uri', label: 'เปิดเรื่อง', uri: caseUrl },
    },
  ]
  if (contact) {
    // The citizen's chat: the case page's message box, which reaches them in LINE.
    footer.push({
      type: 'button',
      style: 'secondary',
      action: { type: 'uri', label: 'ติดต่อกลับทาง LINE', uri: `${caseUrl}?reply=1` },
    })
    const tel = contact.phone ? telUri(contact.phone) : undefined
    if (tel) {
      footer.push({ type: 'button', style: 'secondary', action: { type: 'uri', label: 'โทรหาผู้แจ้ง', uri: tel } })
    }
  }
  if (c.latitude != null && c.longitude != null) {
    footer.push({
      type: 'button',
      style: 'secondary',
      action: {
        type: 'uri',
        label: 'แผนที่',
        uri: `https://www.google.com/maps/search/?api=1&query=${c.latitude},${c.longitude}`,
      },
    })
  }
  return {
    type: 'flex',
    altText: `${urgent ? '🚨 ด่วน ' : ''}${KIND_LABELS[c.kind]} ${c.referenceNumber}`.slice(0, 400),
    contents: {
      type: 'bubble',
      header: {
        type: 'box',
        layout: 'vertical',
        backgroundColor: urgent ? '#B71C1C' : '#1A3A6B',
        contents: [
          {
            type: 'text',
            text: `${urgent ? '🚨 ด่วน · ' : ''}${KIND_LABELS[c.kind]}`,
            color: '#FFFFFF',
            weight: 'bold',
          },
        ],
      },
      body: { type: 'box', layout: 'vertical', spacing: 'sm', contents: rows },
      footer: { type: 'box', layout: 'vertical', spacing: 'sm', contents: footer },
    },
  }
}

/**
 * Posts a case to the station's LINE group through the outbox, in the caller's transaction (so the alert exists
 * exactly when the case does). No group bound yet: nothing to post; the admin inbox still shows the case.
 */
export async function alertStation(
  tx: Tx,
  c: Case,
  station: Pick<Station, 'id' | 'lineGroupId'>,
  adminLiffId: string,
  contact?: AlertContact,
  /** The status the case will have when this transaction commits (the one the citizen is told), if not its current. */
  status?: string,
) {
  if (!station.lineGroupId) {
    return []
  }
  return writeOutbox(tx, {
    to: station.lineGroupId,
    stationId: station.id,
    messages: [stationAlertCard(c, adminLiffId, contact, status)],
    purpose: c.priority === 'urgent' ? 'station-alert-urgent' : 'station-alert',
  })
}
