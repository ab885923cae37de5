import React from "react";
import { Button } from "@react-email/button";
import { Heading } from "@react-email/heading";
import { Img } from "@react-email/img";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { Branding } from "../branding/load-branding";
import { button, Layout, paragraph } from "./layout";

export type LeadAlertProps = {
  recipientName: string | null;
  /** Who: the person's name, e-mail and phone as they gave them. */
  person: { name: string; email: string | null; phone: string | null };
  /** What they asked, in their words, and what they did (e.g. "Asked about a listing"). */
  action: string;
  message: string | null;
  listing: { address: string; price: string; photoUrl: string | null; url: string } | null;
  leadUrl: string;
};

export function LeadAlert(props: LeadAlertProps & { brand: Branding }) {
  const { brand, person, listing } = props;
  return (
    <Layout brand={brand} preview={`New lead: ${person.name} – ${props.action}`}>
      <Heading as="h2" style={{ fontSize: 20, margin: "16px 0 8px" }}>
        New lead: {person.name}
      </Heading>
      <Text style={paragraph}>
        {props.recipientName ? `${props.recipientName}, ` : ""}
        {props.action}.
      </Text>
      <Text style={paragraph}>
        {person.email ? (
          <>
            E-mail: {person.email}
            <br />
          </>
        ) : null}
        {person.phone ? (
          <>
            Phone: {person.phone}
            <br />
          </>
        ) : null}
      </Text>
      {props.message ? (
        <Text style={{ ...paragraph, backgroundColor: "#f9fafb", borderLeft: `3px solid ${brand.accentColor}`, padding: "8px 12px" }}>“{props.message}”</Text>
      ) : null}
      {listing ? (
        <Section style={{ border: "1px solid #e5e7eb", borderRadius: 6, margin: "12px 0", padding: 12 }}>
          {listing.photoUrl ? <Img src={listing.photoUrl} alt={listing.address} width={512} style={{ borderRadius: 4, maxWidth: "100%" }} /> : null}
          <Text style={{ ...paragraph, fontWeight: 700, margin: "8px 0 0" }}>{listing.address}</Text>
          <Text style={{ ...paragraph, margin: 0 }}>{listing.price}</Text>
        </Section>
      ) : null}
      <Button href={props.leadUrl} style={button(brand)}>
        Open the lead in the CRM
      </Button>
    </Layout>
  );
}
