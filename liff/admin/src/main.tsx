import { render } from 'preact'
import { App } from './app.js'
import '@shared/styles/fonts.css'
import '@shared/styles/base.css'
import '@shared/styles/page.css'
import '@shared/styles/components.css'
import '@shared/styles/feedback.css'
// nav.css and chips.css before the files whose media queries adjust them.
import './styles/signin.css'
import './styles/nav.css'
import './styles/layout.css'
import './styles/chips.css'
import './styles/inbox.css'
import './styles/badges.css'
import './styles/sos.css'
import './styles/case.css'
import './styles/timeline.css'
import './styles/forms.css'
import './styles/lists.css'
import './styles/charts.css'

const root = document.getElementById('app')
if (root) {
  root.textContent = ''
  render(<App />, root)
}
