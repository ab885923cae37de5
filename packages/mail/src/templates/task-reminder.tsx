import React from "react";
import { Button } from "@react-email/button";
import { Heading } from "@react-email/heading";
import { Text } from "@react-email/text";
import type { Branding } from "../branding/load-branding";
import { button, Layout, paragraph } from "./layout";

export type TaskReminderProps = {
  recipientName: string | null;
  /** The task in words: "Call", "Showing", ... and its title. */
  kindLabel: string;
  title: string;
  notes: string | null;
  /** The due time in the brokerage's time zone, e.g. "Thu, Dec 3, 3:00 PM". */
  due: string;
  person: { name: string; email: string | null; phone: string | null };
  /** The lead's page, or the contact's when the task is on a contact. */
  recordUrl: string;
  myDayUrl: string;
};

export function TaskReminder(props: TaskReminderProps & { brand: Branding }) {
  const { brand, person } = props;
  return (
    <Layout brand={brand} preview={`Due now: ${props.kindLabel} – ${props.title}`}>
      <Heading as="h2" style={{ fontSize: 20, margin: "16px 0 8px" }}>
        {props.kindLabel}: {props.title}
      </Heading>
      <Text style={paragraph}>
        {props.recipientName ? `${props.recipientName}, this` : "This"} task is due {props.due}.
      </Text>
      <Text style={paragraph}>
        {person.name}
        <br />
        {person.phone ? (
          <>
            Phone: {person.phone}
            <br />
          </>
        ) : null}
        {person.email ? (
          <>
            E-mail: {person.email}
            <br />
          </>
        ) : null}
      </Text>
      {props.notes ? (
        <Text style={{ ...paragraph, backgroundColor: "#f9fafb", borderLeft: `3px solid ${brand.accentColor}`, padding: "8px 12px" }}>{props.notes}</Text>
      ) : null}
      <Button href={props.recordUrl} style={button(brand)}>
        Open in the CRM
      </Button>
      <Text style={{ ...paragraph, fontSize: 13 }}>
        All your tasks: <a href={props.myDayUrl}>My day</a>
      </Text>
    </Layout>
  );
}
