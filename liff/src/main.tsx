import { render } from 'preact'
import { App } from './app.js'
import './ui/styles/base.css'
import './ui/styles/layout.css'
import './ui/styles/components.css'
import './ui/styles/feedback.css'

const root = document.getElementById('app')
if (root) {
  root.textContent = ''
  render(<App />, root)
}
