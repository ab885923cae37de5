import { describe, expect, it } from "vitest";
import { parseAllowedHosts } from "@real-estate/types/outbound";
import { parseEnvList } from "@real-estate/types/env-list";

describe("parseAllowedHosts", () => {
  it("reads the list as parseEnvList does, lower-cased", () => {
    const raw = " Hooks.Example.COM:8443 ,,127.0.0.1:3190, [::1]:3190 ,\t";
    expect(parseAllowedHosts(raw)).toEqual(["hooks.example.com:8443", "127.0.0.1:3190", "[::1]:3190"]);
    expect(parseEnvList(raw)).toEqual(["Hooks.Example.COM:8443", "127.0.0.1:3190", "[::1]:3190"]);
    for (const raw of [undefined, "", " , "]) expect(parseAllowedHosts(raw)).toEqual([]);
  });
});
