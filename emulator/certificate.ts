/**
 * The TLS certificate, made fresh at every start: self-signed for 127.0.0.1 and localhost, and a
 * CA for itself, so the Go provider trusts it through `SSL_CERT_FILE=<ca file>` (Go checks the
 * IP SAN, not the common name).
 */
import { generate } from "selfsigned";

export interface Certificate {
  readonly key: string;
  readonly cert: string;
}

export async function makeCertificate(days = 30): Promise<Certificate> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + days * 86_400_000);
  const pems = await generate([{ name: "commonName", value: "auth0kit Auth0 emulator" }], {
    keyType: "ec",
    curve: "P-256",
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", digitalSignature: true, keyCertSign: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      { name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }, { type: 2, value: "localhost" }] },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
