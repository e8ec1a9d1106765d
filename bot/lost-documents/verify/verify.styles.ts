/** The verification page's only style sheet: readable on a phone in the sun, no web fonts, no external assets. */
export const VERIFY_CSS = `
*{box-sizing:border-box}
body{margin:0;background:#eef1f6;color:#16202e;font-family:Sarabun,"Noto Sans Thai","Leelawadee UI",Tahoma,system-ui,sans-serif;
line-height:1.5;font-size:17px}
main{max-width:640px;margin:0 auto;padding:16px}
header{background:#1a3a6b;color:#fff;border-radius:12px;padding:14px 16px}
header .station{margin:0;font-weight:700;font-size:1.1em}
header .station.en{font-weight:400;font-size:.95em;opacity:.9}
header .muted{color:#d3dcec;margin:6px 0 0;font-size:.8em}
.nw{white-space:nowrap}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.verdict{display:flex;gap:14px;align-items:center;margin:16px 0;padding:18px 16px;border-radius:12px;color:#fff}
.verdict.valid{background:#1b7f3b}
.verdict.revoked{background:#b3261e}
.verdict.unknown,.verdict.limited{background:#5b6472}
.icon{flex:none;width:64px;height:64px;border-radius:50%;background:rgba(255,255,255,.18);display:flex;
align-items:center;justify-content:center;font-size:40px;font-weight:700}
.big{margin:0;font-size:1.45em;font-weight:700;line-height:1.3}
.big-en{margin:4px 0 0;font-size:.95em;font-weight:700;letter-spacing:.01em}
dl{margin:0;background:#fff;border-radius:12px;padding:4px 16px}
.row{padding:10px 0;border-bottom:1px solid #e3e7ee}
.row:last-child{border-bottom:0}
dt{font-size:.8em;color:#566173}
dt .en::before{content:" · "}
dd{margin:2px 0 0}
dd .en{display:block;color:#566173;font-size:.85em}
dd ul{margin:0;padding-left:1.1em}
.mono{font-variant-numeric:tabular-nums;letter-spacing:.02em;font-size:1.15em}
.advice{background:#fff;border-radius:12px;padding:14px 16px;margin:0}
.advice .en{display:block;color:#566173;font-size:.9em;margin-top:4px}
footer{margin-top:16px;font-size:.78em;color:#566173}
footer .en{display:block}
footer .muted{color:#7a8494}
@media (min-width:900px){main{max-width:760px;padding:32px 16px}body{font-size:18px}}
`
