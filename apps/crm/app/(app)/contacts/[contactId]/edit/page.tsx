import Link from "next/link";
import { notFound } from "next/navigation";
import { getContact } from "@real-estate/crm";
import { requirePageAccess } from "@/lib/page-access";
import { ContactForm } from "@/components/contact-form";
import { contactName } from "@/components/format";
import { formatPhone } from "@real-estate/types";

export const metadata = { title: "Edit contact" };

export default async function EditContactPage({ params }: { params: Promise<{ contactId: string }> }) {
  const { contactId } = await params;
  const { tenant } = await requirePageAccess({ returnTo: `/contacts/${contactId}/edit` });
  const contact = await getContact({ tenantId: tenant.tenantId, contactId });
  if (!contact) notFound();
  return (
    <>
      <div className="page-head">
        <div>
          <div className="sub">
            <Link href={`/contacts/${contact.id}`}>{contactName(contact)}</Link> /
          </div>
          <h1>Edit contact</h1>
        </div>
      </div>
      <ContactForm
        mode="edit"
        contactId={contact.id}
        initial={{ ...contact, phone: formatPhone(contact.phone, { extension: contact.phoneExtension, homeCountry: tenant.country }) }}
        base={{
          version: contact.version,
          values: {
            firstName: contact.firstName,
            lastName: contact.lastName,
            email: contact.email,
            phone: contact.phone,
            phoneExtension: contact.phoneExtension,
            notes: contact.notes,
          },
        }}
      />
    </>
  );
}
