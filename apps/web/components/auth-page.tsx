import { ZNextPath } from "@/lib/visitors/auth-schemas";
import { AuthForm } from "./forms/auth-form";

const TEXT = {
  "sign-in": {
    title: "Sign in",
    lead: "Welcome back. Your saved homes and searches are waiting.",
    other: "/sign-up",
    otherText: "New here?",
    otherLink: "Create an account",
  },
  "sign-up": {
    title: "Create your account",
    lead: "Save homes and searches, and pick up where you left off on any device.",
    other: "/sign-in",
    otherText: "Already have an account?",
    otherLink: "Sign in",
  },
} as const;

/** The sign-in and sign-up pages: the error and the page to return to come from the URL. */
export async function AuthPage({ mode, searchParams }: { mode: "sign-in" | "sign-up"; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = await searchParams;
  const error = typeof q.error === "string" ? q.error : undefined;
  const next = ZNextPath.parse(typeof q.next === "string" ? q.next : undefined);
  const text = TEXT[mode];
  return (
    <div className="section">
      <div className="container narrow">
        <div className="card card-pad">
          <h1 style={{ fontSize: "1.8rem" }}>{text.title}</h1>
          <p className="muted">{text.lead}</p>
          <AuthForm mode={mode} error={error} next={next} renderedAt={Date.now()} />
          <p className="small" style={{ marginTop: 16, marginBottom: 0 }}>
            {text.otherText} <a href={`${text.other}${next ? `?next=${encodeURIComponent(next)}` : ""}`}>{text.otherLink}</a>
            {mode === "sign-in" ? (
              <>
                {" "}
                · <a href="/forgot-password">Forgot your password?</a>
              </>
            ) : null}
          </p>
        </div>
      </div>
    </div>
  );
}
