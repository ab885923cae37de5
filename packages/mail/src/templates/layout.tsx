import React from "react";
import { Body } from "@react-email/body";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Img } from "@react-email/img";
import { Link } from "@react-email/link";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { Branding } from "../branding/load-branding";

/** The frame every e-mail of a tenant shares: logo or name in its colours, content, footer with its address. */
export function Layout(props: { brand: Branding; preview: string; children: React.ReactNode; footer?: React.ReactNode }) {
  const { brand } = props;
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={{ backgroundColor: "#f4f5f7", fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: 6, maxWidth: 560, overflow: "hidden" }}>
          <Section style={{ backgroundColor: brand.primaryColor, padding: "16px 24px" }}>
            {brand.logoUrl ? (
              <Img src={brand.logoUrl} alt={brand.name} height={36} style={{ display: "inline-block", marginRight: 12, verticalAlign: "middle" }} />
            ) : null}
            <Text data-brand="name" style={{ color: "#ffffff", display: "inline-block", fontSize: 18, fontWeight: 700, margin: 0, verticalAlign: "middle" }}>
              {brand.name}
            </Text>
          </Section>
          <Section style={{ padding: "8px 24px 16px" }}>{props.children}</Section>
          <Hr style={{ borderColor: "#e5e7eb", margin: 0 }} />
          <Section style={{ padding: "12px 24px 20px" }}>
            {props.footer}
            <Text style={{ color: "#6b7280", fontSize: 12, lineHeight: "18px", margin: "4px 0" }}>
              {brand.name}
              {brand.address ? ` · ${brand.address}` : ""} ·{" "}
              <Link href={brand.webUrl} style={{ color: brand.accentColor }}>
                {brand.webUrl.replace(/^https?:\/\//, "")}
              </Link>
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { color: "#111827", fontSize: 15, lineHeight: "22px" } as const;

export function button(brand: Branding) {
  return {
    backgroundColor: brand.accentColor,
    borderRadius: 4,
    color: "#ffffff",
    display: "inline-block",
    fontSize: 15,
    fontWeight: 700,
    padding: "10px 18px",
    textDecoration: "none",
  } as const;
}
