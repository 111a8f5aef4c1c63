import {
  Button as AriaButton,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select as AriaSelect,
  SelectValue,
  Text,
  type Key,
} from 'react-aria-components';
import type { ReactNode } from 'react';
import { IconAlert, IconCheck, IconChevronDown } from './icons';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
  description?: string;
}

/** A single-choice select (listbox in a popover), labelled and keyboard operable. */
export function Select<V extends string>({
  label,
  value,
  onChange,
  options,
  description,
  error,
  placeholder,
  isDisabled,
  hideLabel,
  className,
  isInvalid,
  'aria-describedby': describedBy,
}: {
  label: string;
  value: V | null;
  onChange: (value: V) => void;
  options: readonly SelectOption<V>[];
  description?: ReactNode;
  error?: string | null;
  placeholder?: string;
  isDisabled?: boolean;
  hideLabel?: boolean;
  className?: string;
  /** Invalid with its words shown elsewhere (below a row of small fields). */
  isInvalid?: boolean;
  'aria-describedby'?: string | undefined;
}) {
  return (
    <AriaSelect
      className={`field ${className ?? ''}`}
      value={value}
      onChange={(key: Key | null) => {
        if (key != null) onChange(String(key) as V);
      }}
      isInvalid={Boolean(error) || Boolean(isInvalid)}
      validationBehavior="aria"
      isDisabled={isDisabled}
      placeholder={placeholder}
    >
      <Label className={hideLabel ? 'visually-hidden' : 'field__label'}>{label}</Label>
      <AriaButton className="select-button" aria-describedby={describedBy}>
        <SelectValue className="grow" />
        <IconChevronDown />
      </AriaButton>
      {description ? (
        <Text slot="description" className="field__help">
          {description}
        </Text>
      ) : null}
      {error ? (
        <FieldError className="field__error">
          <IconAlert size={14} />
          <span>{error}</span>
        </FieldError>
      ) : null}
      <Popover className="popover">
        <ListBox className="listbox">
          {options.map((option) => (
            <ListBoxItem
              key={option.value}
              id={option.value}
              className="listbox-item"
              textValue={option.label}
            >
              {({ isSelected }) => (
                <>
                  <span className="listbox-item__check">
                    {isSelected ? <IconCheck size={14} /> : null}
                  </span>
                  <span className="stack" style={{ gap: 0 }}>
                    <span>{option.label}</span>
                    {option.description ? (
                      <span className="small muted">{option.description}</span>
                    ) : null}
                  </span>
                </>
              )}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
