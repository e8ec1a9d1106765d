import type { messagingApi } from '@line/bot-sdk'
import type { Language, Station } from '../../db/schema/index.js'
import { t } from '../i18n/index.js'
import type { LineMessage } from '../line/line-client.js'

type Flex = messagingApi.FlexComponent
const NAVY = '#0B2F6B'
/** LINE's limits: button labels ≤ 40, location title/address ≤ 100, a carousel ≤ 12 bubbles, altText ≤ 400. */
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

export function mapUrl(latitude: number, longitude: number): string {
  return `https://www.google.com/maps/search/?api=1&query=${latitude},${longitude}`
}

export function stationCoordinates(station: Station): { latitude: number; longitude: number } | undefined {
  const latitude = Number(station.latitude)
  const longitude = Number(station.longitude)
  return station.latitude && station.longitude && Number.isFinite(latitude) && Number.isFinite(longitude)
    ? { latitude, longitude }
    : undefined
}

function section(title: string, lines: string[]): Flex[] {
  const texts = lines.map((l) => l.trim()).filter(Boolean)
  if (texts.length === 0) {
    return []
  }
  return [
    { type: 'text', text: title, size: 'xs', color: '#4D5868', weight: 'bold', margin: 'lg' },
    ...texts.map((text): Flex => ({ type: 'text', text, size: 'sm', wrap: true, margin: 'xs' })),
  ]
}

/** Every number as a tel: button: the main line first, then the ones admins added (duty desk, traffic...). */
function phoneButtons(lang: Language, station: Station): Flex[] {
  // "โทรหาสถานี 038-611-111", "โทรร้อยเวร 038-611-112": Thai puts no space between words.
  const numbers = [
    { text: t(lang, 'station.callMain', { number: station.phone }), number: station.phone },
    ...station.phones.map((p) => ({
      text: t(lang, 'station.callNumber', { label: lang === 'th' ? p.labelTh : p.labelEn, number: p.number }),
      number: p.number,
    })),
  ].filter((p) => p.number.replace(/[^\d]/g, '').length >= 3)
  return numbers.map((p, i) => ({
    type: 'button',
    style: i === 0 ? 'primary' : 'secondary',
    color: i === 0 ? NAVY : undefined,
    height: 'sm',
    margin: 'sm',
    action: {
      type: 'uri',
      label: cut(p.text, 40),
      uri: `tel:${p.number.replace(/[^\d+]/g, '')}`,
    },
  }))
}

/** Address, hours and services, with call buttons and directions. */
export function stationCard(lang: Language, station: Station): LineMessage {
  const name = lang === 'th' ? station.nameTh : station.nameEn
  const address = lang === 'th' ? station.addressTh : station.addressEn
  const hours = lang === 'th' ? station.hoursTh : station.hoursEn
  const services = (lang === 'th' ? station.servicesTh : station.servicesEn)
    .split('\n')
    .filter((s) => s.trim())
    .map((s) => `• ${s.trim()}`)
  const where = stationCoordinates(station)
  const details = [
    ...section(t(lang, 'station.address'), [address]),
    ...section(t(lang, 'station.hours'), [hours]),
    ...section(t(lang, 'station.services'), services),
  ]
  const footer: Flex[] = phoneButtons(lang, station)
  if (where) {
    footer.push({
      type: 'button',
      style: 'link',
      height: 'sm',
      action: { type: 'uri', label: t(lang, 'station.directions'), uri: mapUrl(where.latitude, where.longitude) },
    })
  }
  return {
    type: 'flex',
    altText: cut(`${name} ${station.phone}`, 400),
    contents: {
      type: 'bubble',
      size: 'mega',
      header: {
        type: 'box',
        layout: 'vertical',
        backgroundColor: NAVY,
        contents: [{ type: 'text', text: name, weight: 'bold', size: 'lg', color: '#FFFFFF', wrap: true }],
      },
      body: {
        type: 'box',
        layout: 'vertical',
        // LINE rejects an empty box: a station with no details yet still shows its name.
        contents: details.length ? details : [{ type: 'text', text: name, wrap: true }],
      },
      ...(footer.length ? { footer: { type: 'box', layout: 'vertical', contents: footer } } : {}),
    },
  }
}

/** The zone's landmarks as a carousel, each with a map link (at most LINE's 12 bubbles). */
export function landmarksCarousel(lang: Language, station: Station): LineMessage | undefined {
  const landmarks = station.landmarks.filter(
    (l) => (lang === 'th' ? l.nameTh : l.nameEn)?.trim() && Number.isFinite(l.latitude) && Number.isFinite(l.longitude),
  )
  if (landmarks.length === 0) {
    return undefined
  }
  const title = t(lang, 'station.landmarks')
  return {
    type: 'flex',
    altText: cut(`${title}: ${landmarks.map((l) => (lang === 'th' ? l.nameTh : l.nameEn)).join(', ')}`, 400),
    contents: {
      type: 'carousel',
      contents: landmarks.slice(0, 12).map(
        (l): messagingApi.FlexBubble => ({
          type: 'bubble',
          size: 'micro',
          body: {
            type: 'box',
            layout: 'vertical',
            spacing: 'sm',
            contents: [
              { type: 'text', text: `📍 ${title}`, size: 'xxs', color: '#4D5868', wrap: true },
              { type: 'text', text: lang === 'th' ? l.nameTh : l.nameEn, weight: 'bold', size: 'sm', wrap: true },
            ],
          },
          footer: {
            type: 'box',
            layout: 'vertical',
            contents: [
              {
                type: 'button',
                style: 'secondary',
                height: 'sm',
                action: { type: 'uri', label: t(lang, 'station.openMap'), uri: mapUrl(l.latitude, l.longitude) },
              },
            ],
          },
        }),
      ),
    },
  }
}
