"use client";
import type { PublicEstimate } from "@/lib/forms/valuation-estimate";
import { humanize } from "@/lib/format";
import { EstimateView } from "../estimate-view";
import { ConsentCheckbox, Field, FormStatus, HiddenFormFields } from "./form-parts";
import { useWebsiteForm } from "./use-website-form";

type Props = { towns: { slug: string; name: string }[]; propertyTypes: string[]; renderedAt: number };

/** "What's my home worth": POST /api/valuation, then the instant estimate. */
export function ValuationForm({ towns, propertyTypes, renderedAt }: Props) {
  const { state, formRef, onSubmit, fieldError } = useWebsiteForm<{ eventId: string; estimate: PublicEstimate }>("/api/valuation");
  if (state.status === "done") {
    const address = state.data.address || "your home";
    return (
      <div role="status" aria-live="polite" tabIndex={-1} ref={(el) => el?.focus()}>
        <EstimateView estimate={state.result.estimate} address={address} bare />
        <p className="alert alert-success" style={{ marginTop: 16 }}>
          Thank you. A local agent will follow up with a detailed market analysis.
        </p>
      </div>
    );
  }
  const invalid = state.status === "invalid" ? Object.keys(state.fields).length : 0;
  const message =
    state.status === "failed" ? state.message : invalid ? `Please correct ${invalid === 1 ? "the field" : `the ${invalid} fields`} marked below.` : null;
  return (
    <form ref={formRef} method="post" action="/api/valuation" onSubmit={onSubmit} noValidate={state.status === "invalid"}>
      <FormStatus message={message} kind="error" />
      <HiddenFormFields renderedAt={renderedAt} />
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="eyebrow">Your property</legend>
        <Field
          id="hv-address"
          name="address"
          label="Street address"
          autoComplete="address-line1"
          required
          minLength={5}
          maxLength={300}
          error={fieldError("address")}
        />
        <div className="form-row">
          <div className="field">
            <label htmlFor="hv-town">Town</label>
            <select id="hv-town" name="town" defaultValue="" aria-invalid={fieldError("town") ? true : undefined}>
              <option value="">Choose a town</option>
              {towns.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="hv-type">Property type</label>
            <select id="hv-type" name="propertyType" defaultValue="">
              <option value="">Any type</option>
              {propertyTypes.map((t) => (
                <option key={t} value={t}>
                  {humanize(t)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="form-row">
          <Field id="hv-area" name="livingArea" label="Living area (sq ft)" inputMode="numeric" optional error={fieldError("livingArea")} />
          <Field id="hv-beds" name="bedrooms" label="Bedrooms" type="number" min={0} max={50} optional error={fieldError("bedrooms")} />
        </div>
        <div className="form-row">
          <Field id="hv-baths" name="bathrooms" label="Bathrooms" type="number" min={0} max={50} step="0.5" optional error={fieldError("bathrooms")} />
          <Field id="hv-year" name="yearBuilt" label="Year built" type="number" min={1600} max={2100} optional error={fieldError("yearBuilt")} />
        </div>
      </fieldset>
      <fieldset style={{ border: 0, padding: 0, margin: "8px 0 0" }}>
        <legend className="eyebrow">Where should we send the details?</legend>
        <Field id="hv-name" name="name" label="Full name" autoComplete="name" required maxLength={120} error={fieldError("name")} />
        <div className="form-row">
          <Field id="hv-email" name="email" label="Email" type="email" autoComplete="email" maxLength={254} error={fieldError("email")} />
          <Field id="hv-phone" name="phone" label="Phone" type="tel" autoComplete="tel" optional maxLength={32} error={fieldError("phone")} />
        </div>
      </fieldset>
      <ConsentCheckbox id="hv-consent" />
      <button className="btn btn-accent btn-block" type="submit" disabled={state.status === "sending"}>
        {state.status === "sending" ? "Calculating…" : "Get my instant estimate"}
      </button>
    </form>
  );
}
