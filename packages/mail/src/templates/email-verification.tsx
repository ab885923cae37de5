import React from "react";
import { Button } from "@react-email/button";
import { Heading } from "@react-email/heading";
import { Text } from "@react-email/text";
import type { Branding } from "../branding/load-branding";
import { button, Layout, paragraph } from "./layout";

export type EmailVerificationProps = { verifyUrl: string };

export function EmailVerification(props: EmailVerificationProps & { brand: Branding }) {
  return (
    <Layout brand={props.brand} preview={`Confirm your e-mail for ${props.brand.name}`}>
      <Heading as="h2" style={{ fontSize: 20, margin: "16px 0 8px" }}>
        Confirm your e-mail address
      </Heading>
      <Text style={paragraph}>Confirm this address to receive the alerts you ask for on {props.brand.name}'s website.</Text>
      <Button href={props.verifyUrl} style={button(props.brand)}>
        Confirm my e-mail
      </Button>
    </Layout>
  );
}
