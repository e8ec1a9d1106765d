-- The document types citizens can report lost, with the station's policy for each (admins change it later).
-- issue_now: the record is issued at once; review: an officer checks first; visit_station: the reason says why.
INSERT INTO "document_types" ("code", "name_th", "name_en", "policy", "reason_th", "reason_en", "has_number", "issuers", "sort_order") VALUES
('thai_id_card', 'บัตรประจำตัวประชาชน', 'Thai national ID card', 'issue_now', NULL, NULL, true, '[]', 10),
('driving_licence', 'ใบอนุญาตขับรถ', 'Driving licence', 'issue_now', NULL, NULL, true, '[]', 20),
('thai_passport', 'หนังสือเดินทางไทย', 'Thai passport', 'review', 'กรมการกงสุลต้องการบันทึกที่มีชื่อและเบอร์โทรของพนักงานสอบสวน เจ้าหน้าที่จะตรวจสอบและติดต่อกลับ', 'The Department of Consular Affairs needs a record naming the investigating officer; an officer checks your report and contacts you.', true, '[]', 30),
('foreign_passport', 'หนังสือเดินทางต่างประเทศ', 'Foreign passport', 'review', 'สถานทูตและสำนักงานตรวจคนเข้าเมืองต้องการบันทึกที่เจ้าหน้าที่ตรวจสอบแล้ว', 'Your embassy and Immigration need a record checked by an officer.', true, '[]', 40),
('bank_book', 'สมุดบัญชีเงินฝาก', 'Bank passbook', 'issue_now', NULL, NULL, true, '["ธนาคารกรุงเทพ","ธนาคารกสิกรไทย","ธนาคารกรุงไทย","ธนาคารไทยพาณิชย์","ธนาคารกรุงศรีอยุธยา","ธนาคารทหารไทยธนชาต","ธนาคารออมสิน","ธ.ก.ส.","ธนาคารอาคารสงเคราะห์"]', 50),
('atm_card', 'บัตรเอทีเอ็ม / บัตรเดบิต', 'ATM / debit card', 'issue_now', NULL, NULL, true, '["ธนาคารกรุงเทพ","ธนาคารกสิกรไทย","ธนาคารกรุงไทย","ธนาคารไทยพาณิชย์","ธนาคารกรุงศรีอยุธยา","ธนาคารทหารไทยธนชาต","ธนาคารออมสิน","ธ.ก.ส.","ธนาคารอาคารสงเคราะห์"]', 60),
('credit_card', 'บัตรเครดิต', 'Credit card', 'issue_now', NULL, NULL, true, '[]', 70),
('house_registration', 'ทะเบียนบ้าน', 'House registration book', 'issue_now', NULL, NULL, true, '[]', 80),
('student_card', 'บัตรนักเรียน / นักศึกษา', 'Student card', 'issue_now', NULL, NULL, true, '[]', 90),
('alien_id_card', 'บัตรประจำตัวคนซึ่งไม่มีสัญชาติไทย', 'Alien ID card (non-Thai)', 'review', 'เจ้าหน้าที่ต้องตรวจสอบข้อมูลก่อนออกบันทึก', 'An officer checks the details before the record is issued.', true, '[]', 100),
('work_permit', 'ใบอนุญาตทำงาน (Work Permit)', 'Work permit', 'review', 'เจ้าหน้าที่ต้องตรวจสอบข้อมูลก่อนออกบันทึก', 'An officer checks the details before the record is issued.', true, '[]', 110),
('government_id_card', 'บัตรประจำตัวเจ้าหน้าที่ของรัฐ', 'Government officer ID card', 'review', 'เจ้าหน้าที่ต้องตรวจสอบข้อมูลก่อนออกบันทึก', 'An officer checks the details before the record is issued.', true, '[]', 120),
('vehicle_registration_book', 'เล่มทะเบียนรถ', 'Vehicle registration book', 'visit_station', 'การขอเล่มทะเบียนใหม่ต้องให้ถ้อยคำต่อเจ้าหน้าที่ กรุณานำบัตรประชาชนมาที่สถานี', 'A new registration book needs a statement taken in person: please bring your ID card to the station.', true, '[]', 130),
('licence_plate', 'ป้ายทะเบียนรถ', 'Vehicle licence plate', 'visit_station', 'ป้ายทะเบียนอาจถูกนำไปใช้กระทำผิด ต้องให้ถ้อยคำต่อพนักงานสอบสวน', 'A lost plate may be used in a crime: a statement must be given to an investigator in person.', true, '[]', 140),
('land_title_deed', 'โฉนดที่ดิน', 'Land title deed', 'visit_station', 'เอกสารสิทธิ์ที่ดินต้องให้ถ้อยคำต่อพนักงานสอบสวน', 'Land title documents need a statement given to an investigator in person.', true, '[]', 150),
('cheque_book', 'สมุดเช็ค', 'Cheque book', 'visit_station', 'เช็คอาจถูกนำไปใช้ กรุณาแจ้งธนาคารทันทีและมาให้ถ้อยคำที่สถานี', 'Cheques may be misused: tell your bank now and give a statement at the station.', true, '[]', 160),
('other', 'เอกสารอื่น ๆ', 'Other document', 'review', 'เจ้าหน้าที่จะตรวจสอบว่าออกบันทึกออนไลน์ได้หรือไม่', 'An officer checks whether a record can be issued online.', false, '[]', 999)
ON CONFLICT ("code") DO NOTHING;
