import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { changedVariables } from "../../env/check";
import { examplePath, OutsideWorkspaceError, writeEnvPair, writeEnvPairInside, writeFileAtomic } from "../../env/write";

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-write-"));

describe("writeFileAtomic", () => {
  it("creates missing directories and writes the file with mode 0600", () => {
    const file = path.join(scratch(), "nested", "dir", ".env");
    writeFileAtomic(file, "A=1\n");
    expect(fs.readFileSync(file, "utf8")).toBe("A=1\n");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it("replaces a world-readable file with a 0600 one and leaves no temp file behind", () => {
    const dir = scratch();
    const file = path.join(dir, ".env");
    fs.writeFileSync(file, "OLD=1\n", { mode: 0o644 });
    writeFileAtomic(file, "NEW=1\n");
    expect(fs.readFileSync(file, "utf8")).toBe("NEW=1\n");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual([".env"]);
  });

  it("never leaves the target half-written: readers see the old or the new content", () => {
    const file = path.join(scratch(), ".env");
    writeFileAtomic(file, "A=old\n");
    const inode = fs.statSync(file).ino;
    writeFileAtomic(file, "A=new\n");
    expect(fs.statSync(file).ino).not.toBe(inode);
  });
});

describe("writeEnvPair", () => {
  it("writes the file and its example beside it, both with mode 0600", () => {
    const file = path.join(scratch(), "backend", ".env");
    writeEnvPair(file, "A=1\nS=x\n", "A=1\nS=\n");
    expect(examplePath(file)).toBe(`${file}.example`);
    expect(fs.readFileSync(file, "utf8")).toBe("A=1\nS=x\n");
    expect(fs.readFileSync(`${file}.example`, "utf8")).toBe("A=1\nS=\n");
    expect([file, `${file}.example`].map((f) => fs.statSync(f).mode & 0o777)).toEqual([0o600, 0o600]);
  });
});

describe("changedVariables", () => {
  it("names changed, missing and extra variables, never values", () => {
    expect(changedVariables("A=1\nB=2\nC=3\n", "A=1\nB=changed\nD=4\n")).toEqual(["B", "C", "D"]);
  });

  it("ignores comments and quoting that do not change a value", () => {
    expect(changedVariables("# x\nA='one two'\n", "A=\"one two\"\n")).toEqual([]);
  });
});

describe("writeEnvPairInside", () => {
  it("writes a file inside the workspace root, creating its directories", () => {
    const root = scratch();
    writeEnvPairInside(root, path.join(root, "app", ".env"), "A=1\n", "A=\n");
    expect(fs.readFileSync(path.join(root, "app", ".env"), "utf8")).toBe("A=1\n");
  });

  it("refuses a directory inside the root that is a symlink leading out of it, and writes nothing", () => {
    const root = scratch();
    const outside = scratch();
    fs.symlinkSync(outside, path.join(root, "app"));
    expect(() => writeEnvPairInside(root, path.join(root, "app", ".env"), "A=1\n", "A=\n")).toThrow(OutsideWorkspaceError);
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it("follows a symlink that stays inside the root", () => {
    const root = scratch();
    fs.mkdirSync(path.join(root, "real"));
    fs.symlinkSync(path.join(root, "real"), path.join(root, "app"));
    writeEnvPairInside(root, path.join(root, "app", ".env"), "A=1\n", "A=\n");
    expect(fs.readFileSync(path.join(root, "real", ".env"), "utf8")).toBe("A=1\n");
  });

  it("accepts a root that is itself reached through a symlink", () => {
    const real = scratch();
    const link = path.join(scratch(), "workspace");
    fs.symlinkSync(real, link);
    writeEnvPairInside(link, path.join(link, ".env"), "A=1\n", "A=\n");
    expect(fs.readFileSync(path.join(real, ".env"), "utf8")).toBe("A=1\n");
  });
});
