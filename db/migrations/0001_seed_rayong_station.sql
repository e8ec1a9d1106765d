-- The pilot station. Contact details are editable by admins; confirm them with the station before go-live.
INSERT INTO "stations" ("code", "name_th", "name_en", "address_th", "address_en", "phone", "latitude", "longitude")
VALUES (
  'RYG',
  'สถานีตำรวจภูธรเมืองระยอง',
  'Rayong City Police Station',
  'ถนนสุขุมวิท ตำบลท่าประดู่ อำเภอเมืองระยอง จังหวัดระยอง 21000',
  'Sukhumvit Road, Tha Pradu, Mueang Rayong District, Rayong 21000',
  '038-611-111',
  '12.6807',
  '101.2816'
)
ON CONFLICT ("code") DO NOTHING;
--> statement-breakpoint
-- Gives processed inbox events their global processing order (inbound_events.processed_seq).
CREATE SEQUENCE IF NOT EXISTS "inbound_events_processed_seq";
