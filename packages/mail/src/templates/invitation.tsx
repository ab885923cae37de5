import React from "react";
import { Button } from "@react-email/button";
import { Heading } from "@react-email/heading";
import { Text } from "@react-email/text";
import type { Branding } from "../branding/load-branding";
import { button, Layout, paragraph } from "./layout";

export type InvitationProps = { invitedBy: string | null; role: string; acceptUrl: string; expiresOn: string };

export function Invitation(props: InvitationProps & { brand: Branding }) {
  return (
    <Layout brand={props.brand} preview={`You are invited to ${props.brand.name}'s CRM`}>
      <Heading as="h2" style={{ fontSize: 20, margin: "16px 0 8px" }}>
        Join {props.brand.name}
      </Heading>
      <Text style={paragraph}>
        {props.invitedBy ? `${props.invitedBy} invited you` : "You are invited"} to work in {props.brand.name}'s CRM as {props.role.toLowerCase()}. The link
        works until {props.expiresOn}.
      </Text>
      <Button href={props.acceptUrl} style={button(props.brand)}>
        Accept the invitation
      </Button>
      <Text style={{ ...paragraph, color: "#6b7280", fontSize: 13 }}>If you did not expect this, ignore this e-mail.</Text>
    </Layout>
  );
}
