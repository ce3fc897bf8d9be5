/**
 * GET /prompts, /branding (+ its page template) and /prompts/{prompt}/custom-text/{language} →
 * `auth0kit:login`. Written only when the tenant differs from what an unset auth0kit:login
 * leaves it: identifier first on, branding of its own, or replaced texts.
 */
import { configPath } from "../../config/issues";
import { loginSchema } from "../../config/schema/login";
import type { Findings } from "../findings";
import { obj, str, type Json } from "../json";
import type { LoginSnapshot } from "../tenant";

const ROOT = "auth0kit:login";
/** The colours a tenant answers with before any are set (TestAccBranding's first PATCH answer). */
export const AUTH0_BRANDING_COLORS = { page_background: "#FF4F40", primary: "#2A2E35" } as const;

export interface AdoptedLogin {
  /** `auth0kit:login`, or undefined when the tenant has nothing of its own here. */
  readonly config?: Json;
  /** Import IDs of the replaced texts, `<prompt>::<language>`. */
  readonly texts: readonly string[];
}

export function adoptLogin(login: LoginSnapshot, findings: Findings): AdoptedLogin {
  const prompts = login.prompts;
  const identifierFirst = prompts.identifier_first === true;
  const branding = brandingConfig(login.branding, login.pageTemplate, findings);
  const texts = textsConfig(login.texts, findings);
  if (!identifierFirst && branding === undefined && texts === undefined) {
    if (prompts.universal_login_experience === "classic") {
      findings.note(ROOT, "the tenant uses the classic Universal Login experience; auth0kit:login (always the new one) is left out, so the login pages stay as they are");
    }
    return { texts: [] };
  }
  const config: Json = {};
  if (identifierFirst) config.identifierFirst = true;
  if (prompts.webauthn_platform_first_factor === true) {
    if (identifierFirst) config.webauthnPlatformFirstFactor = true;
    else findings.change(configPath(ROOT, "webauthnPlatformFirstFactor"), "on in Auth0 without identifier first, where it has no effect; the schema needs identifierFirst for it, so the first up turns it off");
  }
  if (prompts.universal_login_experience === "classic") {
    findings.change(ROOT, "the tenant uses the classic Universal Login experience; auth0kit always sets the new one, so the first up switches the login pages to it");
  }
  if (branding !== undefined) config.branding = branding;
  if (texts !== undefined) config.texts = texts;
  return { config, texts: Object.entries(texts ?? {}).flatMap(([prompt, languages]) => Object.keys(obj(languages) ?? {}).map((language) => `${prompt}::${language}`)) };
}

/** Logo, favicon and colours, which the schema takes together; undefined when the tenant has none of its own. */
export function brandingConfig(branding: Json, pageTemplate: boolean, findings: Findings): Json | undefined {
  const at = configPath(ROOT, "branding");
  if (pageTemplate) findings.unmanage(at, "the tenant has a Universal Login page template (/branding/templates/universal-login); the schema cannot express it, so it stays as Auth0 has it");
  if (obj(branding.font) !== undefined) findings.unmanage(at, `the branding font (${String(obj(branding.font)?.url)}) cannot be written in the schema; it stays as Auth0 has it`);
  const colors = obj(branding.colors) ?? {};
  const logo = str(branding.logo_url);
  const favicon = str(branding.favicon_url);
  const ownColors = colors.primary !== AUTH0_BRANDING_COLORS.primary || colors.page_background !== AUTH0_BRANDING_COLORS.page_background;
  if (logo === undefined && favicon === undefined && !ownColors) return undefined;
  const missing = [logo === undefined && "logo_url", favicon === undefined && "favicon_url"].filter(Boolean);
  if (missing.length > 0) {
    findings.unmanage(at, `the tenant's branding has no ${missing.join(" and no ")}; the schema sets logo, favicon and colours together, so branding stays as Auth0 has it`);
    return undefined;
  }
  const candidate = { logoUrl: logo, faviconUrl: favicon, colors: { primary: colors.primary, pageBackground: colors.page_background } };
  const parsed = loginSchema.shape.branding.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    findings.unmanage(at, `${configPath(at, ...issue.path.map(String))}: ${issue.message}; the schema sets logo, favicon and colours together, so branding stays as Auth0 has it`);
    return undefined;
  }
  return candidate;
}

/** Texts by prompt, language, screen and key, each level sorted; undefined when none are replaced. */
export function textsConfig(texts: LoginSnapshot["texts"], findings: Findings): Json | undefined {
  const config: Json = {};
  for (const prompt of Object.keys(texts).sort()) {
    for (const language of Object.keys(texts[prompt]!).sort()) {
      const screens: Json = {};
      const body = texts[prompt]![language]!;
      for (const screen of Object.keys(body).sort()) {
        const entries = Object.entries(obj(body[screen]) ?? {});
        const strings = entries.filter(([, text]) => typeof text === "string").sort(([a], [b]) => (a < b ? -1 : 1));
        if (strings.length < entries.length || obj(body[screen]) === undefined) {
          findings.change(configPath(ROOT, "texts", prompt, language, screen), "holds values that are not texts, which the schema cannot write; PromptCustomText owns the whole prompt, so the first up removes them");
        }
        if (strings.length > 0) screens[screen] = Object.fromEntries(strings);
      }
      if (Object.keys(screens).length > 0) ((config[prompt] ??= {}) as Json)[language] = screens;
    }
  }
  return Object.keys(config).length > 0 ? config : undefined;
}
