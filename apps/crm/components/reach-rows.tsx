import { formatPhone } from "./format";

/** The Email and Phone rows of a details list, as mailto:/tel: links (one click to reach them). */
export function ReachRows({ email, phone }: { email: string | null; phone: string | null }) {
  return (
    <>
      <dt>Email</dt>
      <dd>{email ? <a href={`mailto:${email}`}>{email}</a> : "–"}</dd>
      <dt>Phone</dt>
      <dd>{phone ? <a href={`tel:${phone}`}>{formatPhone(phone)}</a> : "–"}</dd>
    </>
  );
}
