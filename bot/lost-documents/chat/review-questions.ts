import type { LineMessage } from '../../line/line-client.js'
import { DECLARATION_TEXT, S137_WARNING } from '../consent.js'
import { EDIT_GROUPS, EDIT_LABEL } from './choices.js'
import { type Collected, pb, qrPostback, question, type StepContext, T } from './kit.js'
import { summaryText } from './summary.js'

/**
 * The questions about the report as a whole: the summary (confirm, or edit any answer), which answer to edit, and
 * "continue where you left off?".
 */
export function reviewQuestion(
  step: 'declaration' | 'edit' | 'resume',
  ctx: StepContext,
  data: Collected,
): LineMessage {
  const { lang } = ctx
  switch (step) {
    case 'declaration':
      return question(
        lang,
        T(lang, 'ask.declaration', {
          summary: summaryText(ctx, data),
          warning: S137_WARNING[lang],
          declaration: DECLARATION_TEXT[lang],
        }),
        [qrPostback(T(lang, 'declaration.yes'), pb('declare')), qrPostback(T(lang, 'declaration.edit'), pb('edit'))],
      )
    case 'edit':
      return question(lang, T(lang, 'ask.edit'), [
        ...EDIT_GROUPS.map((g) => qrPostback(T(lang, EDIT_LABEL[g]), pb('edit', g))),
        qrPostback(T(lang, 'edit.back'), pb('edit', 'back')),
      ])
    case 'resume':
      return question(lang, T(lang, 'resume.prompt'), [
        qrPostback(T(lang, 'resume.continue'), pb('resume')),
        qrPostback(T(lang, 'resume.restart'), pb('restart')),
      ])
  }
}

/**
 * After two turns in a row without a usable answer, the question is not asked a third time: the report is set
 * aside (kept a day) and the citizen continues when ready, by the button or by typing the answer.
 */
export function pausedQuestion(ctx: StepContext): LineMessage {
  const { lang } = ctx
  return question(lang, T(lang, 'paused.prompt'), [
    qrPostback(T(lang, 'resume.continue'), pb('resume')),
    qrPostback(T(lang, 'resume.restart'), pb('restart')),
  ])
}
