import { IN_ZONE } from '../house-watch/fixtures-enrol.js'

export { IN_ZONE, NEAR_MAP_TA_PHUT } from '../house-watch/fixtures-enrol.js'

/** A complete household form as the page sends it; `over` replaces fields. */
export function householdForm(over: Record<string, unknown> = {}) {
  return {
    address: {
      houseNo: '12/3',
      soi: 'ยมจินดา 2',
      road: 'ถนนยมจินดา',
      subdistrict: 'ท่าประดู่',
      district: 'เมืองระยอง',
      province: 'ระยอง',
      postcode: '21000',
    },
    location: IN_ZONE,
    members: 4,
    language: 'th',
    topics: ['crime_alert', 'scam_warning', 'festival_safety', 'road_closure', 'missing_person', 'general'],
    ...over,
  }
}

/** A small zone list: three houses of ท่าประดู่ (one is the form's) and two of ปากน้ำ. */
export const SMALL_ZONE_CSV = [
  '\uFEFFhouse_no,moo,village,soi,road,tambon,municipality,amphoe,postcode,lat,lng',
  '12/3,,,ยมจินดา 2,ถนนยมจินดา,ท่าประดู่,เทศบาลนครระยอง,เมืองระยอง,21000,12.6801,101.2751',
  '14,,,ยมจินดา 2,ถนนยมจินดา,ท่าประดู่,เทศบาลนครระยอง,เมืองระยอง,21000,12.6802,101.2752',
  '3,,,สุขุมวิท 4,ถนนสุขุมวิท,ท่าประดู่,เทศบาลนครระยอง,เมืองระยอง,21000,,',
  '7,,,ปากน้ำ 1,ถนนเลียบชายทะเล,ปากน้ำ,เทศบาลนครระยอง,เมืองระยอง,21000,,',
  '9,,,ปากน้ำ 1,ถนนเลียบชายทะเล,ปากน้ำ,เทศบาลนครระยอง,เมืองระยอง,21000,,',
].join('\r\n')
