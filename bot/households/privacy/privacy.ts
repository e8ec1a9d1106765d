import { asc, eq } from 'drizzle-orm'
import { citizens, householdMembers, households } from '../../../db/schema/index.js'
import { ANNOUNCEMENT_TOPIC_LABELS, type AnnouncementTopic } from '../../contracts/announcements.js'
import type { ThaiAddress } from '../../contracts/house-watch.js'
import { formatAddress } from '../../contracts/lost-documents/address-format.js'
import { biDateTime, iso } from '../../privacy/export-values.js'
import type { ExportBlock, ExportSection, PersonalDataPart } from '../../privacy/parts.js'
import { removeMember } from '../registry.js'

type HouseholdExport = {
  role: string
  joinedAt: string | null
  address: ThaiAddress
  location: { lat: number; lng: number } | null
  members: number
  language: string
  topics: string[]
  source: string
  lineUsers: number
}
type AnnouncementsExport = { announcementsOffSince: string | null; households: HouseholdExport[] }

/**
 * The citizen's household (issue #14): the address, pin, people, language and topics of each household they belong
 * to (other members are counted, never named), and since when they turned announcements off.
 */
export const householdsExport: ExportSection<AnnouncementsExport> = {
  name: 'households',
  title: { th: 'บ้านของฉันและการรับข่าวสาร', en: 'Your household and announcements' },
  async collect(tx, citizen) {
    const rows = await tx
      .select({ h: households, m: householdMembers })
      .from(householdMembers)
      .innerJoin(households, eq(households.id, householdMembers.householdId))
      .where(eq(householdMembers.citizenId, citizen.id))
      .orderBy(asc(householdMembers.joinedAt))
    const out: HouseholdExport[] = []
    for (const { h, m } of rows) {
      const all = await tx
        .select({ c: householdMembers.citizenId })
        .from(householdMembers)
        .where(eq(householdMembers.householdId, h.id))
      out.push({
        role: m.role,
        joinedAt: iso(m.joinedAt),
        address: h.address,
        location: h.latitude != null && h.longitude != null ? { lat: h.latitude, lng: h.longitude } : null,
        members: h.members,
        language: h.language,
        topics: h.topics,
        source: h.source,
        lineUsers: all.length,
      })
    }
    const [me] = await tx
      .select({ off: citizens.announcementsOptedOutAt })
      .from(citizens)
      .where(eq(citizens.id, citizen.id))
    return { announcementsOffSince: iso(me?.off ?? null), households: out }
  },
  blocks(data) {
    const switchBlock: ExportBlock = {
      title: { th: 'การรับข่าวสารจากสถานี', en: 'Station announcements' },
      rows: [
        {
          label: { th: 'สถานะ', en: 'Status' },
          value: data.announcementsOffSince
            ? { th: 'ปิดอยู่ (ไม่รับข่าวสาร)', en: 'Off (stopped)' }
            : { th: 'เปิดอยู่', en: 'On' },
        },
        ...(data.announcementsOffSince
          ? [{ label: { th: 'ปิดเมื่อ', en: 'Off since' }, value: biDateTime(new Date(data.announcementsOffSince)) }]
          : []),
      ],
    }
    return [
      switchBlock,
      ...data.households.map(
        (h): ExportBlock => ({
          title: { th: 'บ้านของฉัน', en: 'My household' },
          rows: [
            { label: { th: 'ที่อยู่', en: 'Address' }, value: formatAddress('th', h.address as never) },
            {
              label: { th: 'ตำแหน่งบนแผนที่', en: 'Map pin' },
              value: h.location ? `${h.location.lat.toFixed(6)}, ${h.location.lng.toFixed(6)}` : '—',
            },
            { label: { th: 'จำนวนสมาชิก', en: 'People' }, value: String(h.members) },
            { label: { th: 'ผู้ใช้ LINE ในบ้าน', en: 'LINE users in it' }, value: String(h.lineUsers) },
            {
              label: { th: 'บทบาท', en: 'Role' },
              value: h.role === 'owner' ? { th: 'ผู้ลงทะเบียน', en: 'Registered it' } : { th: 'สมาชิก', en: 'Member' },
            },
            { label: { th: 'ภาษา', en: 'Language' }, value: h.language === 'en' ? 'English' : 'ไทย' },
            {
              label: { th: 'ข่าวสารที่รับ', en: 'Announcements wanted' },
              value: {
                th: h.topics.map((t) => ANNOUNCEMENT_TOPIC_LABELS[t as AnnouncementTopic]?.th ?? t).join(', '),
                en: h.topics.map((t) => ANNOUNCEMENT_TOPIC_LABELS[t as AnnouncementTopic]?.en ?? t).join(', '),
              },
            },
            { label: { th: 'เข้าร่วมเมื่อ', en: 'Joined' }, value: biDateTime(h.joinedAt ? new Date(h.joinedAt) : null) },
          ],
        }),
      ),
    ]
  },
}

/**
 * Erasure (PDPA s.33): the citizen leaves every household; one nobody else belongs to is deleted with its address and
 * pin (a household shared with others stays theirs). Their announcement switch goes with the citizen's row. No
 * retention period of its own: a household is kept while someone belongs to it (leaving the last removes it).
 */
export const householdsPersonalData: PersonalDataPart = {
  name: 'households',
  async eraseCitizen(tx, citizen) {
    const mine = await tx
      .select({ id: householdMembers.householdId })
      .from(householdMembers)
      .where(eq(householdMembers.citizenId, citizen.id))
    let removed = 0
    for (const { id } of mine) {
      if (await removeMember(tx, id, citizen.id)) {
        removed++
      }
    }
    await tx.update(households).set({ createdByCitizenId: null }).where(eq(households.createdByCitizenId, citizen.id))
    return { household_members: mine.length, households: removed }
  },
}
