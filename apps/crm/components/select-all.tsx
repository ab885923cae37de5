"use client";

/** Header checkbox that ticks every row checkbox of the given form. */
export function SelectAll({ form }: { form: string }) {
  return (
    <input
      type="checkbox"
      aria-label="Select all rows"
      onChange={(e) => {
        for (const box of document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][form="${form}"][name="leadId"]`))
          box.checked = e.currentTarget.checked;
      }}
    />
  );
}
