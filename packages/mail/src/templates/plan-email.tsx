import React from "react";
import { Heading } from "@react-email/heading";
import { Img } from "@react-email/img";
import { Text } from "@react-email/text";
import type { Branding } from "../branding/load-branding";
import { Layout, paragraph } from "./layout";

export type PlanEmailProps = {
  recipientName: string | null;
  subject: string;
  /** The owner's text; blank lines separate paragraphs. */
  body: string;
  /**
   * The lead's agent, who signs it with their profile (name, phone, photo from the brokerage's
   * website); null: the brokerage signs.
   */
  agent: { name: string | null; email: string | null; phone?: string | null; membershipId?: string | null; photoVersion?: string | null } | null;
};

/** A follow-up e-mail an action plan sends to a lead, in the agent's name. */
export function PlanEmail(props: PlanEmailProps & { brand: Branding }) {
  const paragraphs = props.body.split(/\n\s*\n/).filter((p) => p.trim());
  return (
    <Layout brand={props.brand} preview={props.subject}>
      <Heading as="h2" style={{ fontSize: 20, margin: "16px 0 8px" }}>
        {props.recipientName ? `Hello ${props.recipientName},` : "Hello,"}
      </Heading>
      {paragraphs.map((p, i) => (
        <Text key={i} style={{ ...paragraph, whiteSpace: "pre-line" }}>
          {p.trim()}
        </Text>
      ))}
      {props.agent?.membershipId && props.agent.photoVersion ? (
        <Img
          src={`${props.brand.webUrl}/agent-photos/${props.agent.membershipId}/${props.agent.photoVersion}`}
          alt={props.agent.name ?? ""}
          width={64}
          height={64}
          style={{ borderRadius: 32, marginTop: 8 }}
        />
      ) : null}
      <Text style={paragraph}>
        {props.agent?.name ?? props.brand.name}
        {props.agent?.phone ? (
          <>
            <br />
            {props.agent.phone}
          </>
        ) : null}
        {props.agent?.email ? (
          <>
            <br />
            {props.agent.email}
          </>
        ) : null}
      </Text>
    </Layout>
  );
}
