import React from "react";
import { Button } from "@react-email/button";
import { Heading } from "@react-email/heading";
import { Text } from "@react-email/text";
import type { Branding } from "../branding/load-branding";
import { button, Layout, paragraph } from "./layout";

export type PasswordResetProps = { resetUrl: string; validMinutes: number };

export function PasswordReset(props: PasswordResetProps & { brand: Branding }) {
  return (
    <Layout brand={props.brand} preview="Reset your password">
      <Heading as="h2" style={{ fontSize: 20, margin: "16px 0 8px" }}>
        Reset your password
      </Heading>
      <Text style={paragraph}>
        Someone asked to reset the password of your {props.brand.name} account. The link works for {props.validMinutes} minutes, once.
      </Text>
      <Button href={props.resetUrl} style={button(props.brand)}>
        Choose a new password
      </Button>
      <Text style={{ ...paragraph, color: "#6b7280", fontSize: 13 }}>If it was not you, ignore this e-mail: your password stays as it is.</Text>
    </Layout>
  );
}
