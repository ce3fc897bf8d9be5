import { describe, expect, it } from "vitest";
import { configWith, issuesOf } from "./fixtures";

describe("display names are unique per kind", () => {
  it("refuses two applications with one name, naming the first", () => {
    expect(issuesOf(configWith({ "auth0kit:applications": { spa: { name: "Backend" }, native: { name: "backend " } } }))).toEqual([
      'auth0kit:applications.spa.name: "Backend" is also the name of application "native"; give each application its own, so people and tools can tell them apart',
    ]);
  });

  it("counts a name that defaults to another entry's key", () => {
    expect(issuesOf(configWith({ "auth0kit:applications": { spa: { name: "native" } } }))).toEqual([
      'auth0kit:applications.spa.name: "native" is also the name of application "native"; give each application its own, so people and tools can tell them apart',
    ]);
  });

  it("refuses two APIs, log streams, connections or organizations with one display name", () => {
    const config = configWith({
      "auth0kit:apis": { other: { identifier: "https://other.example.com/", name: "core" } },
      "auth0kit:logStreams": { a: { type: "webhook", url: "https://logs.example.com/a", name: "Audit" }, b: { type: "webhook", url: "https://logs.example.com/b", name: "Audit" } },
      "auth0kit:connections": { users: { kind: "database", displayName: "Sign in" }, staff: { kind: "database", displayName: "Sign in" } },
      "auth0kit:organizations": { acme: { displayName: "Acme" }, globex: { displayName: "ACME" } },
    });
    expect(issuesOf(config)).toEqual([
      'auth0kit:apis.other.name: "core" is also the name of API "core"; give each API its own, so people and tools can tell them apart',
      'auth0kit:connections.users.displayName: "Sign in" is also the display name of connection "staff"; give each connection its own, so people and tools can tell them apart',
      'auth0kit:logStreams.b.name: "Audit" is also the name of log stream "a"; give each log stream its own, so people and tools can tell them apart',
      'auth0kit:organizations.globex.displayName: "ACME" is also the display name of organization "acme"; give each organization its own, so people and tools can tell them apart',
    ]);
  });

  it("allows one name across kinds", () => {
    expect(issuesOf(configWith({ "auth0kit:applications": { spa: { name: "core" } } }))).toEqual([]);
  });
});
