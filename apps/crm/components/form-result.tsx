"use client";
import { useActionState, useEffect, useRef, type CSSProperties, type RefObject } from "react";

/** What a form's server action answers: a line saying it worked, or a line saying why it did not. */
export type FormOutcome = { ok?: string; error?: string };

/**
 * A server action's state for a form that empties itself once the action reports success
 * (so the next note or task starts from a blank form); an error keeps what was typed.
 */
export function useResettingAction<S extends FormOutcome>(
  serverAction: (state: Awaited<S>, form: FormData) => Promise<S>,
  initial: Awaited<S>,
): [state: Awaited<S>, action: (form: FormData) => void, pending: boolean, formRef: RefObject<HTMLFormElement | null>] {
  const [state, action, pending] = useActionState<S, FormData>(serverAction, initial);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state]);
  return [state, action, pending, formRef];
}

/** The outcome beside a form's button: the success line as a status, the failure as an alert. */
export function InlineOutcome({ state, errorStyle }: { state: FormOutcome; errorStyle?: CSSProperties }) {
  return (
    <>
      {state.ok && (
        <span role="status" className="muted">
          {state.ok}
        </span>
      )}
      {state.error && (
        <span role="alert" style={{ color: "var(--danger)", ...errorStyle }}>
          {state.error}
        </span>
      )}
    </>
  );
}

/**
 * The outcome above a settings form, as notices: the failure as an alert, the success as a status
 * followed by any secret shown once (a key, a signing secret, an invitation link), each under its test id.
 */
export function NoticeOutcome({ state, secrets = [] }: { state: FormOutcome; secrets?: { value: string | undefined; testId: string }[] }) {
  return (
    <>
      {state.error && (
        <div className="notice error" role="alert">
          {state.error}
        </div>
      )}
      {state.ok && (
        <div className="notice ok" role="status">
          {state.ok}
          {secrets.map(
            (secret) =>
              secret.value && (
                <code key={secret.testId} className="secret" data-testid={secret.testId}>
                  {secret.value}
                </code>
              ),
          )}
        </div>
      )}
    </>
  );
}
