import { render } from 'preact'
import { App } from './app.js'
import '@shared/styles/fonts.css'
import '@shared/styles/base.css'
import '@shared/styles/page.css'
import '@shared/styles/components.css'
import '@shared/styles/feedback.css'
import './ui/styles/shell.css'

const root = document.getElementById('app')
if (root) {
  root.textContent = ''
  render(<App />, root)
}
