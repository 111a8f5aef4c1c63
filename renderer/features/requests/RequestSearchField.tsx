import { useState, type Ref } from 'react';
import { shortcutHint } from '../../app/shortcuts';
import { IconSearch, IconX } from '../../ui/icons';

/**
 * The list's search box: a native `type="search"` input with the markup and behaviour of
 * react-aria-components' SearchField that it replaced on the first view (docs/ui.md, "Bundle"):
 * `data-empty` on the field (the clear button and the shortcut hint key on it), `data-focused`
 * on the input, Escape empties a filled box (and, on an empty one, is left to whoever else
 * listens), and the clear button, out of the tab order, empties the box and keeps focus in it.
 */
export function RequestSearchField({
  value,
  onChange,
  onClear,
  inputRef,
}: {
  value: string;
  onChange: (value: string) => void;
  onClear: () => void;
  inputRef: Ref<HTMLInputElement>;
}) {
  const [focused, setFocused] = useState(false);
  const clear = () => {
    onChange('');
    onClear();
  };
  return (
    <div className="search-field" data-empty={value === '' || undefined}>
      <IconSearch className="search-field__icon" />
      <input
        ref={inputRef}
        type="search"
        className="input search-field__input"
        aria-label="Search requests"
        placeholder="Phone number, customer or SID"
        value={value}
        data-focused={focused || undefined}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || value === '') return;
          event.preventDefault();
          event.stopPropagation();
          clear();
        }}
      />
      <button
        type="button"
        className="search-field__clear"
        aria-label="Clear search"
        tabIndex={-1}
        // Keep focus in the box, as react-aria's clear button does.
        onMouseDown={(event) => event.preventDefault()}
        onClick={(event) => {
          clear();
          event.currentTarget.parentElement?.querySelector('input')?.focus();
        }}
      >
        <IconX size={14} />
      </button>
      <span className="search-field__hint" aria-hidden="true">
        {shortcutHint('search')}
      </span>
    </div>
  );
}
