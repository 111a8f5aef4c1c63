import { useState } from 'react';
import type { IpcError } from '../../../shared/ipc';
import { useApp } from '../../store/appStore';
import { Button } from '../../ui/Button';
import { IconPhone, IconSimulator } from '../../ui/icons';
import { ErrorState } from '../../ui/states';
import { AccountForm } from '../accounts/AccountForm';

/** First run: connect a Twilio account (tested before it is saved) or explore in demo mode. */
export function Onboarding() {
  const [demoBusy, setDemoBusy] = useState(false);
  const [demoError, setDemoError] = useState<IpcError | null>(null);

  async function startDemo() {
    setDemoBusy(true);
    setDemoError(null);
    const error = await useApp.getState().startDemo();
    setDemoBusy(false);
    setDemoError(error);
  }

  return (
    <main className="onboarding">
      <div className="onboarding__intro">
        <span className="onboarding__logo" aria-hidden="true">
          <IconPhone size={28} />
        </span>
        <h1>Welcome to PortDesk</h1>
        <p className="muted">
          Move your customers&apos; US numbers to Twilio: check portability, send the utility bill,
          submit port-in requests and follow every number until it is ported.
        </p>
      </div>
      <div className="onboarding__options">
        <section className="card onboarding__card" aria-labelledby="connect-title">
          <div className="card__body stack">
            <h2 id="connect-title">Connect a Twilio account</h2>
            <p className="muted small">
              PortDesk tests the credentials with Twilio before saving them. Secrets go to your
              system keychain and are never shown again.
            </p>
            <AccountForm
              onDone={(account) => {
                void useApp.getState().loadAccounts();
                useApp.getState().toast('success', `${account.label} is connected.`);
              }}
            />
          </div>
        </section>
        <section
          className="card onboarding__card onboarding__card--demo"
          aria-labelledby="demo-title"
        >
          <div className="card__body stack">
            <span className="onboarding__demo-icon" aria-hidden="true">
              <IconSimulator size={28} />
            </span>
            <h2 id="demo-title">No Twilio account yet?</h2>
            <p className="muted">
              Explore with the built-in simulator: it runs on this computer, speaks Twilio&apos;s
              Porting API, and comes with sample requests in every status — rejections included.
              Nothing is sent to Twilio.
            </p>
            {demoError ? (
              <ErrorState title="The simulator did not start" error={demoError} />
            ) : null}
            <Button variant="primary" onPress={() => void startDemo()} isDisabled={demoBusy}>
              {demoBusy ? <span className="spinner" aria-hidden="true" /> : <IconSimulator />}
              {demoBusy ? 'Starting the simulator…' : 'Explore with the built-in simulator'}
            </Button>
          </div>
        </section>
      </div>
    </main>
  );
}
