"use client";

import { useState } from "react";
import { RedriveDialog, type RedriveTarget } from "./redrive-dialog";

export function RedriveButton({ target, label }: { target: RedriveTarget; label: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="primary" onClick={() => setOpen(true)}>
        {label}
      </button>
      {open ? <RedriveDialog target={target} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
