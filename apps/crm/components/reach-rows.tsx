import { phoneHref } from "@real-estate/types";
import { formatPhone } from "./format-phone";

/** The Email and Phone rows of a details list, as mailto:/tel: links (one click to reach them). */
export function ReachRows({ email, phone, extension, country }: { email: string | null; phone: string | null; extension?: string | null; country?: string }) {
  return (
    <>
      <dt>Email</dt>
      <dd>{email ? <a href={`mailto:${email}`}>{email}</a> : "–"}</dd>
      <dt>Phone</dt>
      <dd>{phone ? <a href={phoneHref(phone, extension)}>{formatPhone(phone, { extension, homeCountry: country })}</a> : "–"}</dd>
    </>
  );
}
