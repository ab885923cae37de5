import React from "react";
import { Button } from "@react-email/button";
import { Heading } from "@react-email/heading";
import { Img } from "@react-email/img";
import { Link } from "@react-email/link";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { Branding } from "../branding/load-branding";
import { button, Layout, paragraph } from "./layout";

export type AlertListing = { address: string; price: string; change: "new" | "price" | "status"; detail: string; photoUrl: string | null; url: string };

export type SavedSearchAlertProps = {
  searchName: string;
  searchUrl: string;
  listings: AlertListing[];
  more?: number;
  unsubscribeUrl: string;
  preferencesUrl: string;
};

const LABEL = { new: "New", price: "Price change", status: "Status change" } as const;

export function SavedSearchAlert(props: SavedSearchAlertProps & { brand: Branding }) {
  const { brand } = props;
  return (
    <Layout
      brand={brand}
      preview={`${props.listings.length} update${props.listings.length === 1 ? "" : "s"} for “${props.searchName}”`}
      footer={
        <Text style={{ color: "#6b7280", fontSize: 12, margin: "4px 0" }}>
          You get this because you asked for alerts on “{props.searchName}”. <Link href={props.preferencesUrl}>E-mail preferences</Link> ·{" "}
          <Link href={props.unsubscribeUrl}>Unsubscribe</Link>
        </Text>
      }
    >
      <Heading as="h2" style={{ fontSize: 20, margin: "16px 0 8px" }}>
        {props.listings.length} update{props.listings.length === 1 ? "" : "s"} for “{props.searchName}”
      </Heading>
      {props.listings.map((l) => (
        <Section key={l.url} style={{ border: "1px solid #e5e7eb", borderRadius: 6, margin: "12px 0", padding: 12 }}>
          {l.photoUrl ? <Img src={l.photoUrl} alt={l.address} width={512} style={{ borderRadius: 4, maxWidth: "100%" }} /> : null}
          <Text style={{ ...paragraph, color: brand.accentColor, fontSize: 12, fontWeight: 700, margin: "8px 0 0", textTransform: "uppercase" }}>
            {LABEL[l.change]}
          </Text>
          <Text style={{ ...paragraph, fontWeight: 700, margin: 0 }}>
            <Link href={l.url}>{l.address}</Link>
          </Text>
          <Text style={{ ...paragraph, margin: 0 }}>
            {l.price} · {l.detail}
          </Text>
        </Section>
      ))}
      {props.more ? <Text style={paragraph}>And {props.more} more on the search page.</Text> : null}
      <Button href={props.searchUrl} style={button(brand)}>
        See the whole search
      </Button>
    </Layout>
  );
}
