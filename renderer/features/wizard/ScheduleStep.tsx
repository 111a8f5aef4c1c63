import { parseDate, type CalendarDate, type DateValue } from '@internationalized/date';
import { useState } from 'react';
import {
  Button as AriaButton,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  Label,
  Popover,
  Text,
} from 'react-aria-components';
import {
  US_MIN_LEAD_DAYS,
  addDays,
  checkTargetPortDate,
  earliestTargetPortDate,
  isWeekend,
  localDateString,
  offsetTimeInZone,
  parseOffsetTime,
  usFederalHolidayOn,
} from '../../../shared/domain/portDates';
import { MAX_NOTIFICATION_EMAILS } from '../../../shared/ipc';
import { useWizard } from '../../store/wizardStore';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/fields';
import { formatCalendarDate } from '../../ui/format';
import { IconAlert, IconCalendar, IconChevronLeft, IconChevronRight, IconX } from '../../ui/icons';
import { Select } from '../../ui/Select';
import { Banner } from '../../ui/states';
import { useAccountToday } from './accountToday';
import { useFieldError, useToCorrect } from './wizardFields';

const HOURS = Array.from({ length: 15 }, (_, i) => {
  const hour = i + 6;
  const value = `${String(hour).padStart(2, '0')}:00`;
  const label = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).format(
    new Date(2000, 0, 1, hour),
  );
  return { value, label };
});

const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function toDateValue(date: string | null): CalendarDate | null {
  if (!date) return null;
  try {
    return parseDate(date);
  } catch {
    return null;
  }
}

/** `10:00:00-05:00` → `10:00` as the wizard's hour list shows it (in the offset it was made in). */
function hourOf(offsetTime: string | null): string | null {
  const parsed = offsetTime ? parseOffsetTime(offsetTime) : null;
  return parsed
    ? `${String(parsed.hours).padStart(2, '0')}:${String(parsed.minutes).padStart(2, '0')}`
    : null;
}

/** Target port date (≥ 7 days, weekends and US holidays flagged), time window, and LOA copies. */
export function ScheduleStep() {
  const payload = useWizard((s) => s.draft?.payload);
  const accountId = useWizard((s) => s.draft?.accountId);
  const edit = useWizard((s) => s.edit);
  const touch = useWizard((s) => s.touch);
  const dateError = useFieldError('targetPortInDate');
  const windowError = useFieldError('targetPortInTimeRangeStart') ?? null;
  const windowEndError = useFieldError('targetPortInTimeRangeEnd') ?? null;
  const emailsError = useFieldError('notificationEmails');
  const dateToCorrect = useToCorrect('targetPortInDate');
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);
  // Twilio counts "7 days ahead" from today on its own clock, which may not be this computer's.
  const today = useAccountToday(accountId);
  if (!payload) return null;

  const computerToday = localDateString(new Date());
  const earliest = earliestTargetPortDate({ today });
  const date = payload.targetPortInDate;
  const issues = date ? checkTargetPortDate(date, { today }) : [];
  const start = hourOf(payload.targetPortInTimeRangeStart);
  const end = hourOf(payload.targetPortInTimeRangeEnd);

  function setWindow(nextStart: string | null, nextEnd: string | null) {
    const day = date ?? earliest;
    edit({
      targetPortInTimeRangeStart: nextStart ? offsetTimeInZone(day, nextStart, timeZone) : null,
      targetPortInTimeRangeEnd: nextEnd ? offsetTimeInZone(day, nextEnd, timeZone) : null,
    });
  }

  function addEmail() {
    const value = email.trim();
    if (!value) return;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
      setEmailError(`"${value}" is not an email address.`);
      return;
    }
    if (payload?.notificationEmails.includes(value)) {
      setEmailError(`${value} is already on the list.`);
      return;
    }
    edit({ notificationEmails: [...(payload?.notificationEmails ?? []), value] });
    setEmail('');
    setEmailError(null);
  }

  const dateMessage = dateError ?? issues.find((i) => i.severity === 'error')?.message;

  return (
    <div className="stack stack--lg">
      <div>
        <h2>Port date and notifications</h2>
        <p className="muted">
          The target date is a request: the losing carrier confirms the real port date (FOC) later,
          and PortDesk tells you when it does.
        </p>
      </div>
      {dateToCorrect ? (
        <Banner tone="warning" title="To correct">
          {dateToCorrect}
        </Banner>
      ) : null}
      <div className="form-grid form-grid--2">
        <DatePicker
          className="field"
          value={toDateValue(date)}
          onChange={(value: DateValue | null) => {
            edit({ targetPortInDate: value ? value.toString() : null });
            touch('targetPortInDate');
          }}
          minValue={parseDate(addDays(today, US_MIN_LEAD_DAYS))}
          isInvalid={Boolean(dateMessage)}
          validationBehavior="aria"
          shouldForceLeadingZeros
        >
          <Label className="field__label">Target port date</Label>
          <Group className="date-group">
            <DateInput className="date-input">
              {(segment) => <DateSegment segment={segment} className="date-segment" />}
            </DateInput>
            <AriaButton className="btn btn--ghost btn--sm btn--icon" aria-label="Open the calendar">
              <IconCalendar />
            </AriaButton>
          </Group>
          <Text slot="description" className="field__help">
            At least 7 days ahead. The earliest business day is {formatCalendarDate(earliest)}.
            Optional: without it, the carrier picks the first date it can.
            {today === computerToday
              ? null
              : ` Counted from today on this account’s Twilio clock, ${formatCalendarDate(today)} (this computer says ${formatCalendarDate(computerToday)}).`}
          </Text>
          <FieldError className="field__error">
            <IconAlert size={14} />
            <span>{dateMessage}</span>
          </FieldError>
          <Popover className="popover popover--calendar">
            <Dialog className="calendar-dialog" aria-label="Choose the target port date">
              <Calendar className="calendar">
                <header className="calendar__header">
                  <AriaButton
                    slot="previous"
                    className="btn btn--ghost btn--sm btn--icon"
                    aria-label="Previous month"
                  >
                    <IconChevronLeft />
                  </AriaButton>
                  <Heading className="calendar__heading" />
                  <AriaButton
                    slot="next"
                    className="btn btn--ghost btn--sm btn--icon"
                    aria-label="Next month"
                  >
                    <IconChevronRight />
                  </AriaButton>
                </header>
                <CalendarGrid className="calendar__grid">
                  {(day) => {
                    const iso = day.toString();
                    const holiday = usFederalHolidayOn(iso);
                    const off = isWeekend(iso) || holiday !== null;
                    return (
                      <CalendarCell
                        date={day}
                        className={`calendar__cell ${off ? 'calendar__cell--off' : ''}`}
                        aria-label={holiday ? `${day.toString()}, ${holiday.name}` : undefined}
                      />
                    );
                  }}
                </CalendarGrid>
              </Calendar>
              <p className="calendar__legend small muted">
                Weekends and US federal holidays are shaded: carriers rarely port on them.
              </p>
            </Dialog>
          </Popover>
        </DatePicker>
        <div className="stack">
          {date ? (
            <p className="muted small">
              {formatCalendarDate(date)}
              <Button variant="ghost" size="sm" onPress={() => edit({ targetPortInDate: null })}>
                Clear the date
              </Button>
            </p>
          ) : (
            <div>
              <Button onPress={() => edit({ targetPortInDate: earliest })}>
                Use {formatCalendarDate(earliest)}
              </Button>
            </div>
          )}
          {issues
            .filter((i) => i.severity === 'warning')
            .map((issue) => (
              <Banner key={issue.code} tone="warning">
                {issue.message}
              </Banner>
            ))}
        </div>
      </div>

      <fieldset className="fieldset">
        <legend>Time window (optional)</legend>
        <p className="field__help">
          When on that day the numbers should move, in your time zone ({timeZone}). Twilio stores it
          in UTC.
        </p>
        <div className="form-grid form-grid--3">
          <Select
            label="From"
            value={start}
            onChange={(value) => setWindow(value, end ?? '17:00')}
            options={HOURS}
            placeholder="Any time"
            error={windowError}
          />
          <Select
            label="Until"
            value={end}
            onChange={(value) => setWindow(start ?? '09:00', value)}
            options={HOURS}
            placeholder="Any time"
            error={windowEndError}
          />
          {start || end ? (
            <div className="field field--end">
              <Button variant="ghost" onPress={() => setWindow(null, null)}>
                Any time of day
              </Button>
            </div>
          ) : null}
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend>Copies of the signed LOA (optional)</legend>
        <div className="row row--align-end">
          <TextField
            label="Email address"
            type="email"
            value={email}
            onChange={(value) => {
              setEmail(value);
              setEmailError(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                addEmail();
              }
            }}
            error={emailError ?? emailsError}
            description={`Up to ${MAX_NOTIFICATION_EMAILS} addresses receive a copy of the signed LOA.`}
            className="grow"
          />
          <Button
            onPress={addEmail}
            isDisabled={payload.notificationEmails.length >= MAX_NOTIFICATION_EMAILS}
          >
            Add
          </Button>
        </div>
        {payload.notificationEmails.length > 0 ? (
          <ul className="email-list">
            {payload.notificationEmails.map((address) => (
              <li key={address} className="number-chip">
                {address}
                <Button
                  variant="ghost"
                  size="sm"
                  iconOnly
                  aria-label={`Remove ${address}`}
                  onPress={() =>
                    edit({
                      notificationEmails: payload.notificationEmails.filter((e) => e !== address),
                    })
                  }
                >
                  <IconX size={12} />
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
      </fieldset>
    </div>
  );
}
