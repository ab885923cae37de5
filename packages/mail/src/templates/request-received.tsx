import React from "react";
import { Heading } from "@react-email/heading";
import { Text } from "@react-email/text";
import type { Branding } from "../branding/load-branding";
import { Layout, paragraph } from "./layout";

export type RequestReceivedProps = { name: string | null; what: string };

export function RequestReceived(props: RequestReceivedProps & { brand: Branding }) {
  return (
    <Layout brand={props.brand} preview={`${props.brand.name} received your request`}>
      <Heading as="h2" style={{ fontSize: 20, margin: "16px 0 8px" }}>
        We received your request
      </Heading>
      <Text style={paragraph}>
        {props.name ? `Hello ${props.name}, thank` : "Thank"} you for contacting {props.brand.name} about {props.what}. An agent will get back to you shortly.
      </Text>
    </Layout>
  );
}
