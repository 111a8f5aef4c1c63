import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { request } from './bridge';
import { startEarlyCalls } from './store/earlyCalls';
import './styles/tokens.css';
import './styles/base.css';
import './styles/fields.css';
import './styles/components.css';
// Screens after the components, in this order: a later rule wins a tie, as in one file.
import './styles/shell.css';
import './styles/requests.css';
import './styles/detail.css';
import './styles/onboarding.css';
import './styles/forms.css';
import './styles/wizard.css';
import './styles/wizard-review.css';
import './styles/lists.css';
import './styles/feed.css';

// Before React boots: main answers the first view's questions (in the app, from another
// process) while React renders the shell.
startEarlyCalls(window.portdesk, request);

const container = document.getElementById('root');
if (!container) throw new Error('PortDesk: #root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
