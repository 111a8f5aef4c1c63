import {
  Checkbox as AriaCheckbox,
  FieldError,
  Input,
  Label,
  Radio as AriaRadio,
  RadioGroup as AriaRadioGroup,
  Switch as AriaSwitch,
  Text,
  TextArea,
  TextField as AriaTextField,
  type CheckboxProps,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';
import type { ReactNode } from 'react';
import { IconAlert, IconCheck } from './icons';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'className' | 'children'> {
  label: string;
  description?: ReactNode;
  /** Shown under the field, in words; marks the field invalid. */
  error?: string | null | undefined;
  placeholder?: string;
  multiline?: boolean;
  /** Highlights the field (e.g. "fix this" when resubmitting a rejected request). */
  highlight?: boolean;
  className?: string;
  inputClassName?: string;
  rows?: number;
}

export function TextField({
  label,
  description,
  error,
  placeholder,
  multiline,
  highlight,
  className,
  inputClassName,
  rows,
  isRequired,
  isInvalid,
  ...rest
}: TextFieldProps) {
  const classes = ['field'];
  if (highlight) classes.push('field--highlight');
  if (className) classes.push(className);
  return (
    <AriaTextField
      {...rest}
      isRequired={isRequired}
      // isInvalid without an error: the words are shown elsewhere (below a row of small fields).
      isInvalid={Boolean(error) || Boolean(isInvalid)}
      validationBehavior="aria"
      className={classes.join(' ')}
    >
      <Label className="field__label">
        {label}
        {isRequired ? (
          <span className="field__required" aria-hidden="true">
            *
          </span>
        ) : null}
      </Label>
      {multiline ? (
        <TextArea
          className={`textarea ${inputClassName ?? ''}`}
          placeholder={placeholder}
          rows={rows}
        />
      ) : (
        <Input className={`input ${inputClassName ?? ''}`} placeholder={placeholder} />
      )}
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
    </AriaTextField>
  );
}

export function Checkbox({
  children,
  className,
  ...rest
}: Omit<CheckboxProps, 'className' | 'children'> & { children?: ReactNode; className?: string }) {
  return (
    <AriaCheckbox {...rest} className={`checkbox ${className ?? ''}`}>
      {({ isSelected, isIndeterminate }) => (
        <>
          <span className="checkbox__box" aria-hidden="true">
            {isIndeterminate ? (
              <span style={{ width: 8, height: 2, background: 'currentColor' }} />
            ) : isSelected ? (
              <IconCheck size={12} strokeWidth={3} />
            ) : null}
          </span>
          {children}
        </>
      )}
    </AriaCheckbox>
  );
}

export function Switch({
  children,
  isSelected,
  onChange,
  isDisabled,
}: {
  children: ReactNode;
  isSelected: boolean;
  onChange: (value: boolean) => void;
  isDisabled?: boolean;
}) {
  return (
    <AriaSwitch
      className="switch"
      isSelected={isSelected}
      onChange={onChange}
      isDisabled={isDisabled}
    >
      <span className="switch__track" aria-hidden="true" />
      {children}
    </AriaSwitch>
  );
}

export interface RadioOption<V extends string> {
  value: V;
  label: ReactNode;
  description?: ReactNode;
}

export function RadioGroup<V extends string>({
  label,
  value,
  onChange,
  options,
  inline,
  cards,
  error,
  description,
}: {
  label: string;
  value: V | null;
  onChange: (value: V) => void;
  options: readonly RadioOption<V>[];
  inline?: boolean;
  cards?: boolean;
  error?: string | null;
  description?: ReactNode;
}) {
  return (
    <AriaRadioGroup
      className="field"
      value={value}
      onChange={(next) => onChange(next as V)}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      <div
        className={`radio-group ${inline ? 'radio-group--inline' : ''} ${cards ? 'radio-group--cards' : ''}`}
      >
        {options.map((option) => (
          <AriaRadio
            key={option.value}
            value={option.value}
            className={cards ? 'radio radio-card' : 'radio'}
          >
            <span className="radio__dot" aria-hidden="true" />
            <span className="stack" style={{ gap: 2 }}>
              <span>{option.label}</span>
              {option.description ? (
                <span className="field__help">{option.description}</span>
              ) : null}
            </span>
          </AriaRadio>
        ))}
      </div>
      {description ? (
        <Text slot="description" className="field__help">
          {description}
        </Text>
      ) : null}
      <FieldError className="field__error">
        <IconAlert size={14} />
        <span>{error}</span>
      </FieldError>
    </AriaRadioGroup>
  );
}
