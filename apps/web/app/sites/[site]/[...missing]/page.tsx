import { notFound } from "next/navigation";

/** Any path the site does not have renders the tenant's own 404 page (status 404). */
export default function Missing(): never {
  notFound();
}
