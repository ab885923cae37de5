"use client";

/**
 * A one-button form for a destructive action that asks first: the browser's confirm dialog with
 * `message`; cancelling sends nothing.
 */
export function ConfirmForm({
  action,
  fields,
  message,
  label,
  ariaLabel,
}: {
  action: (form: FormData) => void | Promise<void>;
  fields: Record<string, string>;
  message: string;
  label: string;
  ariaLabel?: string;
}) {
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!confirm(message)) e.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button className="btn btn-sm btn-danger" type="submit" aria-label={ariaLabel}>
        {label}
      </button>
    </form>
  );
}
