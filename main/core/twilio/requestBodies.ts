import type { PortInCreateInput, ServiceAddress } from '../../../shared/domain';

/**
 * Domain → the snake_case JSON bodies of the two JSON POSTs. Optional values that are null,
 * undefined or empty are left out rather than sent as null: the spec marks most of the nested
 * fields (customer_type, account_number, street_2 …) as plain strings, and a null there fails
 * its validation.
 */

export interface CreatePortInBody {
  account_sid: string;
  documents: string[];
  phone_numbers: { phone_number: string; pin?: string }[];
  losing_carrier_information: {
    customer_type?: string;
    customer_name: string;
    account_number?: string;
    account_telephone_number?: string;
    authorized_representative: string;
    authorized_representative_email: string;
    address_sid?: string;
    address?: {
      street: string;
      street_2?: string;
      city: string;
      state: string;
      zip: string;
      country: string;
    };
  };
  notification_emails?: string[];
  target_port_in_date?: string;
  target_port_in_time_range_start?: string;
  target_port_in_time_range_end?: string;
}

/** `defaultAccountSid` fills an empty `input.accountSid` (the client's configured account). */
export function toCreatePortInBody(
  input: PortInCreateInput,
  defaultAccountSid: string,
): CreatePortInBody {
  const carrier = input.losingCarrier;
  const body: CreatePortInBody = {
    account_sid: input.accountSid !== '' ? input.accountSid : defaultAccountSid,
    documents: [...input.documents],
    phone_numbers: input.phoneNumbers.map((n) =>
      present(n.pin)
        ? { phone_number: n.phoneNumber, pin: n.pin }
        : { phone_number: n.phoneNumber },
    ),
    losing_carrier_information: {
      ...(present(carrier.customerType) && { customer_type: carrier.customerType }),
      customer_name: carrier.customerName,
      ...(present(carrier.accountNumber) && { account_number: carrier.accountNumber }),
      ...(present(carrier.accountTelephoneNumber) && {
        account_telephone_number: carrier.accountTelephoneNumber,
      }),
      authorized_representative: carrier.authorizedRepresentative,
      authorized_representative_email: carrier.authorizedRepresentativeEmail,
      ...(present(carrier.addressSid) && { address_sid: carrier.addressSid }),
      ...(carrier.address != null && { address: toAddressBody(carrier.address) }),
    },
  };
  if (input.notificationEmails != null && input.notificationEmails.length > 0) {
    body.notification_emails = [...input.notificationEmails];
  }
  if (present(input.targetPortInDate)) body.target_port_in_date = input.targetPortInDate;
  if (present(input.targetPortInTimeRangeStart)) {
    body.target_port_in_time_range_start = input.targetPortInTimeRangeStart;
  }
  if (present(input.targetPortInTimeRangeEnd)) {
    body.target_port_in_time_range_end = input.targetPortInTimeRangeEnd;
  }
  return body;
}

function toAddressBody(
  address: ServiceAddress,
): NonNullable<CreatePortInBody['losing_carrier_information']['address']> {
  return {
    street: address.street,
    ...(present(address.street2) && { street_2: address.street2 }),
    city: address.city,
    state: address.state,
    zip: address.zip,
    country: address.country,
  };
}

export interface WebhookConfigurationInput {
  portInTargetUrl?: string | null;
  portOutTargetUrl?: string | null;
  notificationsOf?: string[];
}

export interface WebhookConfigurationBody {
  port_in_target_url?: string | null;
  port_out_target_url?: string | null;
  notifications_of?: string[];
}

/**
 * A POST replaces the account's whole configuration (PORTING-API §3.7): undefined leaves a key
 * out, null sends null (no URL), an empty `notificationsOf` means "every event".
 */
export function toWebhookConfigurationBody(
  cfg: WebhookConfigurationInput,
): WebhookConfigurationBody {
  const body: WebhookConfigurationBody = {};
  if (cfg.portInTargetUrl !== undefined) body.port_in_target_url = cfg.portInTargetUrl;
  if (cfg.portOutTargetUrl !== undefined) body.port_out_target_url = cfg.portOutTargetUrl;
  if (cfg.notificationsOf !== undefined) body.notifications_of = [...cfg.notificationsOf];
  return body;
}

function present<T>(value: T | null | undefined): value is T {
  return value != null && value !== '';
}
