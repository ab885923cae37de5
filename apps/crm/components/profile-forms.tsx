"use client";
import { useActionState, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { NoticeOutcome } from "./form-result";
import { saveProfileAction, type ProfileState } from "@/app/actions/profile-actions";

const ACCEPTED = "image/jpeg,image/png,image/webp";
const MAX_BYTES = 2 * 1024 * 1024;

function FieldError({ state, field }: { state: ProfileState; field: string }) {
  const message = state.fields?.[field]?.[0];
  return message ? (
    <div className="small" style={{ color: "var(--danger)" }} id={`profile-${field}-error`}>
      {message}
    </div>
  ) : null;
}

/** Name, phone and MLS agent id of the signed-in member. */
export function ProfileForm({
  displayName,
  phone,
  mlsAgentKey,
  accountName,
}: {
  displayName: string;
  phone: string;
  mlsAgentKey: string;
  accountName: string;
}) {
  const [state, action, pending] = useActionState<ProfileState, FormData>(saveProfileAction, {});
  return (
    <form action={action} data-testid="profile-form">
      <NoticeOutcome state={state} />
      <div style={{ display: "grid", gap: 12, maxWidth: 420 }}>
        <div>
          <label htmlFor="profile-displayName">Name on the website</label>
          <input id="profile-displayName" name="displayName" defaultValue={displayName} maxLength={80} placeholder={accountName} style={{ width: "100%" }} />
          <div className="small muted">Leave empty to stay off the website&apos;s contact page; e-mails then use “{accountName}”.</div>
          <FieldError state={state} field="displayName" />
        </div>
        <div>
          <label htmlFor="profile-phone">Phone</label>
          <input id="profile-phone" name="phone" type="tel" defaultValue={phone} maxLength={40} style={{ width: "100%" }} />
          <FieldError state={state} field="phone" />
        </div>
        <div>
          <label htmlFor="profile-mlsAgentKey">MLS agent id</label>
          <input id="profile-mlsAgentKey" name="mlsAgentKey" defaultValue={mlsAgentKey} maxLength={64} style={{ width: "100%" }} />
          <div className="small muted">Your listings&apos; pages on the website then show your profile.</div>
          <FieldError state={state} field="mlsAgentKey" />
        </div>
        <div>
          <button className="btn btn-primary" type="submit" disabled={pending}>
            Save profile
          </button>
        </div>
      </div>
    </form>
  );
}

/**
 * Uploads the chosen file as it is to PUT /api/profile/photo; the server reads its type from its
 * bytes. The size is checked here first only to spare a long upload.
 */
export function PhotoForm({ hasPhoto }: { hasPhoto: boolean }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ ok?: string; error?: string }>({});
  const [pending, setPending] = useState(false);

  async function send(method: "PUT" | "DELETE", body?: File) {
    setPending(true);
    try {
      const res = await fetch("/api/profile/photo", { method, body, headers: { accept: "application/json" } });
      const answer = (await res.json().catch(() => ({}))) as { fields?: { photo?: string[] }; message?: string };
      if (!res.ok) {
        setState({ error: answer.fields?.photo?.[0] ?? answer.message ?? `The photo could not be saved (${res.status}).` });
        return;
      }
      setState({ ok: method === "PUT" ? "Photo saved." : "Photo removed." });
      if (input.current) input.current.value = "";
      router.refresh();
    } catch {
      setState({ error: "The photo could not be sent; check the connection and try again." });
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      data-testid="photo-form"
      onSubmit={(e) => {
        e.preventDefault();
        const file = input.current?.files?.[0];
        if (!file) return setState({ error: "Choose a photo to upload." });
        if (file.size > MAX_BYTES) return setState({ error: "A photo may be at most 2 MB." });
        void send("PUT", file);
      }}
    >
      <NoticeOutcome state={state} />
      <div className="row" style={{ alignItems: "flex-end" }}>
        <div>
          <label htmlFor="profile-photo">Photo (JPEG, PNG or WebP, up to 2 MB)</label>
          <input id="profile-photo" name="photo" type="file" accept={ACCEPTED} ref={input} />
        </div>
        <button className="btn btn-primary" type="submit" disabled={pending}>
          Upload photo
        </button>
        {hasPhoto && (
          <button className="btn" type="button" disabled={pending} onClick={() => void send("DELETE")}>
            Remove photo
          </button>
        )}
      </div>
    </form>
  );
}
