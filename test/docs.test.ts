import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./stackFiles";

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
const MARKDOWN = ["README.md", ...fs.readdirSync(path.join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => path.join("docs", f))];

/** GitHub's anchor for a heading: lowercase, punctuation dropped, spaces to hyphens. */
function anchor(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
}

function anchorsOf(file: string): Set<string> {
  const text = read(file).replace(/```[\s\S]*?```/g, "");
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchor(match[1]!)));
}

describe("the README", () => {
  const lines = read("README.md").split("\n");

  it("gives the quick start's two commands within its first 40 lines, and stays under 250 lines", () => {
    const top = lines.slice(0, 40).join("\n");
    expect(top).toContain("## Quick start");
    expect(top).toContain("npm ci && npm run plan -- --stack dev");
    expect(top).toMatch(/^npm test\b/m);
    expect(lines.length).toBeLessThan(250);
  });

  it("goes from what it is to the quick start, editing, adopting, deploying, the review workflow and the documentation", () => {
    const headings = lines.filter((line) => line.startsWith("## "));
    expect(headings).toEqual(["## Quick start", "## Editing stack files", "## Adopting an existing tenant (`npm run adopt`)", "## Deploying for real", "## The review workflow", "## Documentation"]);
  });

  it.each(["configuration", "scale", "security", "actions", "migration", "emulator", "alphaswarm", "orcheo", "review", "deploying"])("links to docs/%s.md", (page) => {
    expect(read("README.md")).toContain(`](docs/${page}.md)`);
  });
});

describe("links between the README and docs/", () => {
  it.each(MARKDOWN)("every relative link in %s points at a file and heading that exist", (file) => {
    const broken: string[] = [];
    // Code (regular expressions hold "](") is not prose.
    const text = read(file).replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      const [relative, hash] = target!.split("#") as [string, string | undefined];
      const resolved = relative === "" ? file : path.normalize(path.join(path.dirname(file), relative));
      if (!fs.existsSync(path.join(ROOT, resolved))) broken.push(`${target}: no such file`);
      else if (hash !== undefined && resolved.endsWith(".md") && !anchorsOf(resolved).has(hash)) broken.push(`${target}: no such heading`);
    }
    expect(broken).toEqual([]);
  });
});
