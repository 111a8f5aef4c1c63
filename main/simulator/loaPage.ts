import type { SimulatorCore } from './core';
import type { SimResponse } from './httpTypes';

/**
 * A stand-in for the e-signature page behind `signature_request_url`, so a demo user can "sign"
 * an LOA in the browser. Not part of Twilio's API.
 */
export function loaPage(core: SimulatorCore, requestSid: string, justSigned: boolean): SimResponse {
  core.lifecycle.catchUp();
  const request = core.store.request(requestSid);
  if (request === undefined) {
    return html(404, '<h1>Letter of authorization not found</h1>');
  }
  const carrier = request.losingCarrier;
  const numbers = request.numbers
    .filter((number) => number.portable)
    .map((number) => `<li>${escapeHtml(number.phoneNumber)}</li>`)
    .join('');
  const canSign = request.status === 'waiting_for_signature' && !request.cancelRequested;
  const action = canSign
    ? `<form method="post"><button type="submit">Sign as ${escapeHtml(carrier.authorized_representative)}</button></form>`
    : `<p><strong>${justSigned ? 'Signed. Thank you.' : 'This letter of authorization cannot be signed now.'}</strong></p>`;
  return html(
    200,
    `<h1>Letter of authorization</h1>
<p>PortDesk simulator — nothing here reaches a real carrier.</p>
<p>${escapeHtml(carrier.customer_name)} authorizes Twilio to port these numbers
from their current carrier (account ${escapeHtml(carrier.account_number ?? 'not given')}):</p>
<ul>${numbers}</ul>
${action}`,
  );
}

function html(status: number, body: string): SimResponse {
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; form-action 'self'",
    },
    body: `<!doctype html><html lang="en"><meta charset="utf-8"><title>LOA</title><body>${body}</body></html>`,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
