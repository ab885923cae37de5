"use client";
import { useEffect } from "react";
import { isSignedIn } from "./anonymous-saves";

/**
 * Tells the visitor's agent that a signed-in visitor opened this home (POST /api/user/viewed-listings).
 * The page is cached for everyone, so the browser sends it; the server decides whether it counts
 * (once per home per half hour). Nothing is sent for visitors who are not signed in.
 */
export function ListingViewBeacon({ listingKey }: { listingKey: string }) {
  useEffect(() => {
    if (!isSignedIn()) return;
    fetch("/api/user/viewed-listings", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ listingKey }),
      keepalive: true,
    }).catch(() => {});
  }, [listingKey]);
  return null;
}
