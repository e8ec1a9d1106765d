-- The audit log cannot be edited: not through the app, and not by a bug in it.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- The zone's landmarks (from the programme's source document) and the station's counter services.
UPDATE "stations" SET
  "services_th" = E'แจ้งความ / ร้องทุกข์\nแจ้งเอกสารหาย\nฝากบ้านกับตำรวจ 4.0\nปรึกษากฎหมาย\nศูนย์ควบคุมสั่งการ CCOC (กล้อง CCTV 416 ตัว)',
  "services_en" = E'Police reports and complaints\nLost-document reports\nHouse watch (Police 4.0)\nLegal consultation\nCCOC command centre (416 CCTV cameras)',
  "landmarks" = '[
    {"nameTh":"วัดลุ่มมหาชัยชุมพล (พระอารามหลวง)","nameEn":"Wat Lum Mahachai Chumphon","latitude":12.6795,"longitude":101.2760},
    {"nameTh":"ศาลสมเด็จพระเจ้าตากสินมหาราช","nameEn":"King Taksin Shrine","latitude":12.6801,"longitude":101.2771},
    {"nameTh":"ศูนย์การค้าแพชชั่น ช้อปปิ้ง เดสติเนชั่น","nameEn":"PASSIONE Shopping Destination","latitude":12.6906,"longitude":101.2692},
    {"nameTh":"สวนสาธารณะสวนศรีเมือง","nameEn":"Sri Mueang Park","latitude":12.6736,"longitude":101.2795},
    {"nameTh":"โรงแรมฮอลิเดย์ อินน์ ระยอง","nameEn":"Holiday Inn Rayong","latitude":12.6879,"longitude":101.2717},
    {"nameTh":"พิพิธภัณฑ์เมืองระยอง ถนนยมจินดา","nameEn":"Rayong City Museum, Yomjinda Road","latitude":12.6776,"longitude":101.2776}
  ]'::jsonb
WHERE "code" = 'RYG';
