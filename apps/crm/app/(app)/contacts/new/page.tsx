import Link from "next/link";
import { requirePageAccess } from "@/lib/page-access";
import { ContactForm } from "@/components/contact-form";

export const metadata = { title: "New contact" };

export default async function NewContactPage() {
  await requirePageAccess({ returnTo: "/contacts/new" });
  return (
    <>
      <div className="page-head">
        <div>
          <div className="sub">
            <Link href="/contacts">Contacts</Link> /
          </div>
          <h1>New contact</h1>
          <div className="sub">If someone with this email or phone exists already, you will be offered that contact instead.</div>
        </div>
      </div>
      <ContactForm mode="create" />
    </>
  );
}
