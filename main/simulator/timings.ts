/**
 * Simulated durations of the port-in lifecycle (documented in docs/simulator.md). Real ports take
 * days to weeks; these keep the order of magnitude while a demo or test can accelerate the clock.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Create → Twilio has reviewed the request and generated the LOA (Waiting for Signature). */
export const REVIEW_MS = 30 * MINUTE;
/** An LOA unsigned this long after it was generated makes the request Expired. */
export const LOA_EXPIRY_MS = 30 * DAY;
/** LOA signed → Twilio submits the numbers to the losing carrier (Submitted). */
export const SUBMIT_AFTER_SIGNATURE_MS = 5 * MINUTE;
/** Submitted → the losing carrier answers: FOC with a port date (Pending), or a rejection. */
export const CARRIER_RESPONSE_MS = 1 * DAY;
/** The earliest port date a carrier confirms is this many days after its answer (then skip weekends). */
export const MIN_FOC_LEAD_DAYS = 3;
/** Time of day (UTC) of a port date when the request gave no time range: 10:00 US Eastern. */
export const DEFAULT_PORT_TIME_UTC_MS = 15 * HOUR;
/** A scripted port-date move arrives this long after the FOC (or after the script, if later). */
export const PORT_DATE_MOVE_AFTER_MS = 4 * HOUR;
/** Canceling → Canceled, for a number or a whole request. */
export const CANCEL_MS = 10 * MINUTE;
/** In demo mode, a generated LOA signs itself after this long unless told otherwise. */
export const DEMO_AUTO_SIGN_AFTER_MS = 2 * HOUR;
/** `target_port_in_date` must be at least this many days ahead (US, PORTING-API §4). */
export const MIN_TARGET_DATE_LEAD_DAYS = 7;
/** How often (real ms) the running server moves the lifecycle forward on its own. */
export const LIFECYCLE_TICK_REAL_MS = 200;
