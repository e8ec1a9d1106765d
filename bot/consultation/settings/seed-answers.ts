import type { ConsultationTopic } from '../../contracts/consultations.js'

type SeedAnswer = { titleTh: string; titleEn: string; bodyTh: string; bodyEn: string }

/**
 * The first common answers of a station, per topic: general information that helps at once, never advice on one
 * person's case (that is the officer's conversation). Numbers and figures are the national ones: 191 police,
 * 1441 the cyber police's online-crime hotline, thaipoliceonline.go.th the police's online report, 1669 medical
 * emergencies, 1300 the social assistance centre, 1546 the Department of Labour Protection and Welfare, 1186 the
 * insurance regulator (OIC), 1111 then 77 the Ministry of Justice's legal aid line. Interest: 15 % a year between
 * private persons (Civil and Commercial Code s.654; more is an offence under the Act Prohibiting Excessive Interest
 * B.E. 2560). Debt collection: the Debt Collection Act B.E. 2558. Severance: the Labour Protection Act as amended
 * B.E. 2562. Admins edit, reorder or deactivate them on the settings page.
 */
export const SEED_ANSWERS: Record<ConsultationTopic, SeedAnswer[]> = {
  scam: [
    {
      titleTh: 'โอนเงินให้มิจฉาชีพไปแล้ว ทำอย่างไร',
      titleEn: 'Already sent money to a scammer?',
      bodyTh:
        '1) โทรหาธนาคารของท่านทันที (สายด่วน 24 ชั่วโมง) ขอให้ระงับบัญชีปลายทาง\n2) แจ้งความโดยเร็วที่สุดที่ thaipoliceonline.go.th หรือโทรสายด่วน 1441 หรือที่สถานีตำรวจ — ธนาคารระงับบัญชีได้ชั่วคราวเท่านั้น ต้องมีการแจ้งความตามมา\n3) เก็บหลักฐานทั้งหมด: สลิปโอนเงิน เลขบัญชีปลายทาง แชต เบอร์โทร ชื่อเพจ อย่าลบแชตหรือบล็อกจนกว่าจะบันทึกไว้แล้ว',
      bodyEn:
        '1) Call your bank now (24-hour hotline) and ask it to freeze the receiving account.\n2) Report it as soon as you can at thaipoliceonline.go.th, on the 1441 hotline or at a police station — a bank can hold the money only for a short time; a police report must follow.\n3) Keep all evidence: transfer slips, the receiving account number, chats, phone numbers, page names. Do not delete the chat or block the person before you have saved everything.',
    },
    {
      titleTh: 'สังเกตแก๊งคอลเซ็นเตอร์',
      titleEn: 'How to spot a call-centre gang',
      bodyTh:
        'ตำรวจ ธนาคาร และหน่วยงานรัฐ จะไม่โทรมาให้ท่านโอนเงินเพื่อ "ตรวจสอบบัญชี" ไม่ขอรหัส OTP หรือรหัสผ่าน และไม่ให้ติดตั้งแอปจากลิงก์ที่ส่งมา หากถูกขู่ว่าพัวพันคดี ให้วางสาย แล้วโทรกลับเบอร์ทางการของหน่วยงานนั้นด้วยตัวเอง หรือโทร 1441',
      bodyEn:
        'The police, banks and government offices never call to make you transfer money "to check your account", never ask for an OTP or a password, and never make you install an app from a link. If a caller says you are involved in a case, hang up and call the agency back on its official number yourself, or call 1441.',
    },
  ],
  family: [
    {
      titleTh: 'ความรุนแรงในครอบครัว',
      titleEn: 'Violence at home',
      bodyTh:
        'หากมีอันตรายตอนนี้ โทร 191 ทันที\nศูนย์ช่วยเหลือสังคม สายด่วน 1300 รับเรื่องตลอด 24 ชั่วโมง ช่วยหาที่พักปลอดภัยและประสานความช่วยเหลือ ท่านแจ้งความที่สถานีได้ หากบาดเจ็บ ไปโรงพยาบาลและขอให้แพทย์บันทึกบาดแผลไว้เป็นหลักฐาน',
      bodyEn:
        'If you are in danger now, call 191.\nThe social assistance centre (hotline 1300, 24 hours) helps find a safe place and coordinates help. You can file a report at the station. If you are hurt, go to a hospital and ask the doctor to record the injuries: it is evidence.',
    },
    {
      titleTh: 'มรดกเมื่อไม่มีพินัยกรรม',
      titleEn: 'Inheritance without a will',
      bodyTh:
        'ทรัพย์มรดกตกแก่ทายาทโดยธรรมตามลำดับที่กฎหมายกำหนด (ผู้สืบสันดาน บิดามารดา พี่น้อง ฯลฯ) และคู่สมรสที่จดทะเบียนสมรส การโอนที่ดินหรือถอนเงินของผู้ตายมักต้องมีผู้จัดการมรดกที่ศาลตั้ง สำนักงานอัยการช่วยยื่นคำร้องขอตั้งผู้จัดการมรดกให้โดยไม่เสียค่าใช้จ่าย',
      bodyEn:
        "An estate goes to the statutory heirs in the order the law sets (children and their descendants, parents, brothers and sisters, ...) and to a registered spouse. Transferring the deceased's land or money usually needs an estate administrator appointed by a court; the public prosecutor's office files that petition for you free of charge.",
    },
  ],
  debt: [
    {
      titleTh: 'ดอกเบี้ยเงินกู้นอกระบบ',
      titleEn: 'Interest on private loans',
      bodyTh:
        'เงินกู้ระหว่างบุคคลเรียกดอกเบี้ยได้ไม่เกินร้อยละ 15 ต่อปี (ประมาณร้อยละ 1.25 ต่อเดือน) การเรียกเกินกว่านี้เป็นความผิดอาญา และข้อตกลงดอกเบี้ยที่เกินใช้บังคับไม่ได้ แต่ท่านยังต้องคืนเงินต้น เก็บสัญญาและหลักฐานการชำระทุกครั้ง (สลิป ข้อความ) สถาบันการเงินมีเพดานดอกเบี้ยของตนเองตามที่ ธปท. กำหนด',
      bodyEn:
        'A loan between private persons may carry at most 15 % interest a year (about 1.25 % a month). Charging more is a criminal offence and the excessive interest cannot be enforced, but the principal is still owed. Keep the contract and proof of every payment (slips, messages). Banks and licensed lenders have their own ceilings set by the Bank of Thailand.',
    },
    {
      titleTh: 'ถูกทวงหนี้ข่มขู่ ประจาน',
      titleEn: 'Threatening or shaming debt collection',
      bodyTh:
        'ผู้ทวงหนี้ห้ามข่มขู่ ใช้ความรุนแรง ใช้คำหยาบ หรือบอกเรื่องหนี้แก่ผู้อื่น (เช่น ที่ทำงาน เพื่อนบ้าน โซเชียล) ติดต่อได้เฉพาะวันทำการ 08.00–20.00 น. และวันหยุด 08.00–18.00 น. ร้องเรียนได้ที่สถานีตำรวจ (คณะกรรมการกำกับการทวงถามหนี้ประจำจังหวัด) เก็บข้อความ เสียง หรือคลิปไว้เป็นหลักฐาน',
      bodyEn:
        'Debt collectors may not threaten you, use violence or abusive words, or tell others about your debt (your workplace, neighbours, social media). They may contact you only on working days 08:00–20:00 and on holidays 08:00–18:00. Complain at a police station (the provincial debt collection committee); keep messages, recordings or clips as evidence.',
    },
  ],
  traffic: [
    {
      titleTh: 'หลังเกิดอุบัติเหตุเล็กน้อย',
      titleEn: 'After a minor accident',
      bodyTh:
        '1) เปิดไฟฉุกเฉิน ตั้งสัญญาณเตือน หากมีผู้บาดเจ็บโทร 1669\n2) ถ่ายรูปตำแหน่งรถ ความเสียหาย และป้ายทะเบียนทุกคันก่อนเคลื่อนรถ แล้วนำรถเข้าข้างทาง\n3) แลกชื่อ เบอร์โทร ทะเบียนรถ และบริษัทประกันกับคู่กรณี แล้วแจ้งประกันของท่าน\n4) หากตกลงกันไม่ได้หรือมีผู้บาดเจ็บ โทร 191 ห้ามหนีจากที่เกิดเหตุ ผู้ขับขี่ต้องหยุดช่วยเหลือและแจ้งเจ้าหน้าที่',
      bodyEn:
        "1) Turn on the hazard lights, set a warning sign; if someone is hurt call 1669.\n2) Photograph the cars' positions, the damage and every licence plate before moving, then move to the roadside.\n3) Exchange names, phone numbers, plates and insurers with the other party and call your insurer.\n4) If you cannot agree or someone is hurt, call 191. Never leave the scene: a driver must stop, help and report.",
    },
    {
      titleTh: 'ค่ารักษาจากประกันภัยภาคบังคับ (พ.ร.บ.)',
      titleEn: 'Medical costs from compulsory insurance',
      bodyTh:
        'ผู้บาดเจ็บจากรถทุกคนได้รับค่ารักษาพยาบาลเบื้องต้นจากประกันภัยภาคบังคับ (พ.ร.บ.) ของรถ ไม่เกิน 30,000 บาทต่อคน โดยไม่ต้องรอพิสูจน์ว่าใครผิด สอบถามสายด่วน คปภ. 1186',
      bodyEn:
        "Everyone hurt in a road accident gets initial medical costs, up to 30,000 baht per person, from the vehicle's compulsory insurance, without waiting to find out who was at fault. Ask the insurance regulator's (OIC) hotline 1186.",
    },
  ],
  labour: [
    {
      titleTh: 'ถูกเลิกจ้างโดยไม่ได้ค่าชดเชย',
      titleEn: 'Dismissed without severance pay',
      bodyTh:
        'ลูกจ้างที่ถูกเลิกจ้างโดยไม่มีความผิดได้ค่าชดเชยตามอายุงาน: 120 วันขึ้นไป 30 วัน, 1 ปี 90 วัน, 3 ปี 180 วัน, 6 ปี 240 วัน, 10 ปี 300 วัน, 20 ปีขึ้นไป 400 วันของค่าจ้างล่าสุด ยื่นคำร้องได้ฟรีที่สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัด หรือสายด่วน 1546',
      bodyEn:
        'An employee dismissed without fault gets severance by length of service: from 120 days, 30 days of the last wage; 1 year, 90 days; 3 years, 180; 6 years, 240; 10 years, 300; 20 years or more, 400 days. File a claim free of charge at the provincial labour protection and welfare office, or call 1546.',
    },
    {
      titleTh: 'นายจ้างไม่จ่ายค่าจ้าง',
      titleEn: 'Unpaid wages',
      bodyTh:
        'ยื่นคำร้อง (แบบ คร.7) ที่สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัด พนักงานตรวจแรงงานสั่งให้นายจ้างจ่ายได้ ไม่เสียค่าใช้จ่าย นำสลิปเงินเดือน สัญญาจ้าง หรือข้อความที่เกี่ยวข้องไปด้วย สอบถามสายด่วน 1546',
      bodyEn:
        'File a complaint (form Kor Ror 7) at the provincial labour protection and welfare office: a labour inspector can order the employer to pay, free of charge. Bring pay slips, the contract or related messages. Ask on hotline 1546.',
    },
  ],
  property: [
    {
      titleTh: 'แนวเขตที่ดินกับเพื่อนบ้าน',
      titleEn: 'A boundary dispute with a neighbour',
      bodyTh:
        'ยื่นขอรังวัดสอบเขตที่สำนักงานที่ดิน เจ้าของที่ดินข้างเคียงจะได้รับแจ้งให้มาระวังแนวเขต หากยังตกลงกันไม่ได้ ไกล่เกลี่ยได้ที่ศูนย์ไกล่เกลี่ยข้อพิพาทของอำเภอหรือสถานีตำรวจ หรือฟ้องศาล อย่ารื้อรั้วหรือย้ายหมุดเขตเอง อาจเป็นความผิดอาญา',
      bodyEn:
        'Ask the land office for a boundary survey: the neighbouring owners are called to witness the line. If you still disagree, mediation is offered by the district office or the police station, or you can go to court. Do not pull down a fence or move a boundary marker yourself: it can be a criminal offence.',
    },
    {
      titleTh: 'เสียงดัง กลิ่น ควัน จากเพื่อนบ้าน',
      titleEn: 'Noise, smells or smoke from neighbours',
      bodyTh:
        'เหตุรำคาญร้องเรียนได้ที่เทศบาลหรือ อบต. ซึ่งมีอำนาจสั่งให้แก้ไขตามกฎหมายการสาธารณสุข การส่งเสียงอื้ออึงโดยไม่มีเหตุอันสมควร โดยเฉพาะยามวิกาล แจ้งตำรวจ 191 ได้',
      bodyEn:
        'Report a nuisance to the municipality or the subdistrict administration: under the public health law it can order the neighbour to stop. Loud noise without good reason, especially at night, can be reported to the police on 191.',
    },
  ],
  cyber: [
    {
      titleTh: 'ถูกคุกคามหรือข่มขู่ออนไลน์',
      titleEn: 'Harassed or threatened online',
      bodyTh:
        'อย่าโต้ตอบ เก็บหลักฐานก่อนอีกฝ่ายลบ: แคปหน้าจอที่เห็นวันเวลา ลิงก์ (URL) ของโปรไฟล์และโพสต์ แล้วรายงานและบล็อกบัญชีในแพลตฟอร์ม แจ้งความที่สถานี thaipoliceonline.go.th หรือสายด่วน 1441',
      bodyEn:
        'Do not answer. Save evidence before it is deleted: screenshots showing date and time, the links (URLs) of the profile and posts. Then report and block the account on the platform, and report it at the station, at thaipoliceonline.go.th or on hotline 1441.',
    },
    {
      titleTh: 'ถูกขู่ว่าจะปล่อยภาพส่วนตัว',
      titleEn: 'Threatened with private images',
      bodyTh:
        'อย่าโอนเงินหรือส่งภาพเพิ่ม การจ่ายมักทำให้ถูกเรียกซ้ำ เก็บหลักฐานแชตและบัญชีผู้ขู่ แล้วแจ้งความ การนำภาพของผู้อื่นไปเผยแพร่ให้เสียหายเป็นความผิดตาม พ.ร.บ.คอมพิวเตอร์ หากผู้ถูกข่มขู่อายุต่ำกว่า 18 ปี โทร 191 ทันที',
      bodyEn:
        "Do not pay or send more images: paying usually brings more demands. Keep the chat and the threatening account as evidence, then report it. Spreading someone's images to harm them is an offence under the Computer Crime Act. If the person threatened is under 18, call 191 now.",
    },
  ],
  other: [
    {
      titleTh: 'ปรึกษาอะไรได้บ้าง',
      titleEn: 'What you can ask here',
      bodyTh: 'เจ้าหน้าที่ให้ข้อมูลกฎหมายเบื้องต้นและขั้นตอนการแจ้งความ เป็นข้อมูลทั่วไป ไม่ใช่การเป็นทนายความแทนท่าน เหตุด่วนเหตุร้าย โทร 191',
      bodyEn:
        'Officers give general information on the law and on how to file a report. It is general information, not legal representation. In an emergency, call 191.',
    },
    {
      titleTh: 'ความช่วยเหลือทางกฎหมายฟรี',
      titleEn: 'Free legal aid',
      bodyTh:
        'สำนักงานอัยการ (สำนักงานคุ้มครองสิทธิและช่วยเหลือทางกฎหมายแก่ประชาชน) และสภาทนายความ ให้คำปรึกษาและช่วยเหลือทางคดีโดยไม่เสียค่าใช้จ่าย สายด่วนยุติธรรม 1111 กด 77',
      bodyEn:
        "The public prosecutor's office (its people's rights protection and legal aid office) and the Lawyers Council of Thailand give advice and help with cases free of charge. The justice hotline: 1111, then 77.",
    },
  ],
}
