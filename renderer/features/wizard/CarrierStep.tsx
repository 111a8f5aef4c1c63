import type { ReasonField } from '../../../shared/domain/reasonCodes';
import { rejectionHelpFor } from '../../../shared/domain/rejectionHelp';
import type { DraftLosingCarrier } from '../../../shared/views';
import { useWizard } from '../../store/wizardStore';
import { RadioGroup, TextField } from '../../ui/fields';
import { IconAlert, IconInfo } from '../../ui/icons';
import { Select } from '../../ui/Select';
import { Banner } from '../../ui/states';
import { US_STATE_OPTIONS, US_STATE_PICKS } from './usStates';
import { useFieldError, useToCorrect } from './wizardFields';

type CarrierKey = Exclude<keyof DraftLosingCarrier, 'address' | 'customerType'>;
type AddressKey = keyof DraftLosingCarrier['address'];

function HelpList({ field }: { field: ReasonField }) {
  const topics = rejectionHelpFor(field);
  if (topics.length === 0) return null;
  return (
    <ul className="help-list">
      {topics.map((topic) => (
        <li key={topic.id}>
          <strong>{topic.title}.</strong> {topic.text}
        </li>
      ))}
    </ul>
  );
}

function CarrierField({
  name,
  label,
  description,
  required,
  type,
  placeholder,
  mono,
}: {
  name: CarrierKey;
  label: string;
  description: string;
  required?: boolean;
  type?: string;
  placeholder?: string;
  mono?: boolean;
}) {
  const value = useWizard((s) => s.draft?.payload.losingCarrier[name] ?? '');
  const edit = useWizard((s) => s.edit);
  const touch = useWizard((s) => s.touch);
  const path = `losingCarrier.${name}`;
  const error = useFieldError(path);
  const toCorrect = useToCorrect(path as `losingCarrier.${CarrierKey}`);
  return (
    <TextField
      label={label}
      value={value}
      onChange={(next) => edit({ losingCarrier: { [name]: next } })}
      onBlur={() => touch(path)}
      isRequired={required}
      error={error}
      description={toCorrect ? `To correct — ${toCorrect}` : description}
      highlight={Boolean(toCorrect)}
      type={type}
      placeholder={placeholder}
      inputClassName={mono ? 'mono' : undefined}
      autoComplete="off"
    />
  );
}

const ADDRESS_LABELS: Record<AddressKey, string> = {
  street: 'Street',
  street2: 'Suite, floor (optional)',
  city: 'City',
  state: 'State',
  zip: 'ZIP code',
  country: 'Country',
};

/**
 * A field of the address row. Its error is said below the row (AddressErrors), not under the
 * field: the row's small columns (state, ZIP) would wrap it one word per line.
 */
function AddressField({
  name,
  required,
  placeholder,
}: {
  name: AddressKey;
  required?: boolean;
  placeholder?: string;
}) {
  const value = useWizard((s) => s.draft?.payload.losingCarrier.address[name] ?? '');
  const edit = useWizard((s) => s.edit);
  const touch = useWizard((s) => s.touch);
  const path = `losingCarrier.address.${name}`;
  const error = useFieldError(path);
  return (
    <TextField
      label={ADDRESS_LABELS[name]}
      value={value}
      onChange={(next) => edit({ losingCarrier: { address: { [name]: next } } })}
      onBlur={() => touch(path)}
      isRequired={required}
      isInvalid={Boolean(error)}
      aria-describedby={error ? `address-error-${name}` : undefined}
      placeholder={placeholder}
      autoComplete="off"
    />
  );
}

/** The state, picked from the US states and territories (stored as its upper-case code). */
function StateField() {
  const value = useWizard((s) => s.draft?.payload.losingCarrier.address.state ?? '');
  const edit = useWizard((s) => s.edit);
  const touch = useWizard((s) => s.touch);
  const error = useFieldError('losingCarrier.address.state');
  const code = value.trim().toUpperCase();
  return (
    <Select
      label="State"
      value={US_STATE_OPTIONS.some((o) => o.value === code) ? code : null}
      onChange={(next) => {
        edit({ losingCarrier: { address: { state: next } } });
        touch('losingCarrier.address.state');
      }}
      options={US_STATE_OPTIONS}
      placeholder={code && !US_STATE_PICKS.has(code) ? `“${value.trim()}”?` : 'Pick…'}
      isInvalid={Boolean(error)}
      aria-describedby={error ? 'address-error-state' : undefined}
      className="state-field"
    />
  );
}

const ADDRESS_ORDER: readonly AddressKey[] = ['street', 'street2', 'city', 'state', 'zip'];

/** The address row's errors, each naming its field, below the whole row. */
function AddressErrors() {
  const street = useFieldError('losingCarrier.address.street');
  const street2 = useFieldError('losingCarrier.address.street2');
  const city = useFieldError('losingCarrier.address.city');
  const state = useFieldError('losingCarrier.address.state');
  const zip = useFieldError('losingCarrier.address.zip');
  const errors: Partial<Record<AddressKey, string | undefined>> = {
    street,
    street2,
    city,
    state,
    zip,
  };
  const shown = ADDRESS_ORDER.filter((name) => errors[name]);
  if (shown.length === 0) return null;
  return (
    <ul className="row-errors" aria-label="Address problems">
      {shown.map((name) => (
        <li key={name} id={`address-error-${name}`} className="field__error">
          <IconAlert size={14} />
          <span>
            <strong>{ADDRESS_LABELS[name].replace(' (optional)', '')}:</strong> {errors[name]}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The losing carrier's record, which must match letter for letter (REASON-CODES §4). */
export function CarrierStep() {
  const customerType = useWizard((s) => s.draft?.payload.losingCarrier.customerType ?? null);
  const edit = useWizard((s) => s.edit);
  const addressToCorrect = useToCorrect('losingCarrier.address');
  const typeError = useFieldError('losingCarrier.customerType');
  return (
    <div className="stack stack--lg">
      <div>
        <h2>Losing carrier details</h2>
        <p className="muted">
          Twilio builds the letter of authorization (LOA) from these details, and the losing carrier
          compares them with its record. Copy them from a recent bill or the customer service record
          (CSR).
        </p>
      </div>
      <Banner tone="info" title="Match the carrier's record letter for letter">
        “ABC Inc” is not “ABC Incorporated”. Mismatched names and service addresses are the most
        common reasons carriers reject a port.
      </Banner>

      <fieldset className="fieldset">
        <legend>Customer</legend>
        <RadioGroup
          label="Customer type"
          value={customerType}
          onChange={(value) => edit({ losingCarrier: { customerType: value } })}
          options={[
            { value: 'Business', label: 'Business' },
            { value: 'Individual', label: 'Individual' },
          ]}
          inline
          error={typeError}
        />
        <div className="form-grid form-grid--2">
          <CarrierField
            name="customerName"
            label="Customer name"
            required
            description="Exactly as on the bill: the business or person the carrier has on the account."
          />
          <CarrierField
            name="accountNumber"
            label="Account number"
            mono
            description="From the bill; it often differs from the phone number. Required when a number needs a PIN."
          />
          <CarrierField
            name="accountTelephoneNumber"
            label="Billing telephone number (BTN)"
            description="The main number on the account, as on the bill."
            placeholder="(415) 555-0100"
          />
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend>Authorized representative</legend>
        <div className="form-grid form-grid--2">
          <CarrierField
            name="authorizedRepresentative"
            label="Full name"
            required
            description="First and last name of a person the carrier has as authorized on the account."
          />
          <CarrierField
            name="authorizedRepresentativeEmail"
            label="Email"
            type="email"
            required
            description="Twilio emails this person the LOA to sign; the port waits until they do."
          />
        </div>
        <details className="help">
          <summary>
            <IconInfo size={14} /> Why carriers reject names
          </summary>
          <HelpList field="authorizedRepresentative" />
        </details>
      </fieldset>

      <fieldset className={`fieldset ${addressToCorrect ? 'fieldset--highlight' : ''}`}>
        <legend>Service address</legend>
        {addressToCorrect ? (
          <Banner tone="warning" title="To correct">
            {addressToCorrect}
          </Banner>
        ) : null}
        <p className="field__help">
          Where the lines are in service — not the billing address — spelled as the carrier has it.
        </p>
        <div className="form-grid form-grid--address">
          <AddressField name="street" required placeholder="1 Main St" />
          <AddressField name="street2" />
          <AddressField name="city" required />
          <StateField />
          <AddressField name="zip" required placeholder="62701" />
        </div>
        <AddressErrors />
        <details className="help">
          <summary>
            <IconInfo size={14} /> Why carriers reject addresses
          </summary>
          <HelpList field="address" />
        </details>
      </fieldset>
    </div>
  );
}
