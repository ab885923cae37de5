import React from "react";
import { Heading } from "@react-email/heading";
import { Text } from "@react-email/text";
import type { Branding } from "../branding/load-branding";
import { Layout, paragraph } from "./layout";

export type WebhookDisabledProps = { url: string; description: string | null; lastError: string | null };

export function WebhookDisabled(props: WebhookDisabledProps & { brand: Branding }) {
  return (
    <Layout brand={props.brand} preview="A webhook endpoint was disabled">
      <Heading as="h2" style={{ fontSize: 20, margin: "16px 0 8px" }}>
        A webhook endpoint was disabled
      </Heading>
      <Text style={paragraph}>
        Every delivery to {props.url}
        {props.description ? ` (${props.description})` : ""} has failed for a day, so {props.brand.name}&apos;s CRM stopped sending to it.
      </Text>
      {props.lastError ? <Text style={{ ...paragraph, color: "#6b7280", fontSize: 13 }}>Last error: {props.lastError}</Text> : null}
      <Text style={paragraph}>
        Once the receiver works again, open Webhooks in the CRM, enable the endpoint and re-drive its failed deliveries: nothing is lost.
      </Text>
    </Layout>
  );
}
