import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";
import type { LoginConfig } from "../config/schema/login";

export interface LoginExperienceArgs {
  /** The validated `auth0kit:login` settings. */
  readonly login: LoginConfig;
  /** The Guardian resource: biometrics first needs its WebAuthn platform factor in place. Defaults to none. */
  readonly mfa?: pulumi.Resource;
}

/**
 * Universal Login as the tenant shows it: the prompt flow (always the new experience; identifier
 * first, biometrics first), the tenant's branding, and replaced texts — one PromptCustomText per
 * prompt and language, which owns all of that prompt's texts in that language (screens and keys sorted).
 */
export class LoginExperience extends pulumi.ComponentResource {
  readonly prompt: auth0.Prompt;
  readonly branding?: auth0.Branding;
  readonly texts: readonly auth0.PromptCustomText[];

  constructor(name: string, args: LoginExperienceArgs, opts?: pulumi.ComponentResourceOptions) {
    super("auth0kit:login:LoginExperience", name, {}, opts);
    const { login } = args;
    this.prompt = new auth0.Prompt(
      `${name}-prompts`,
      { universalLoginExperience: "new", identifierFirst: login.identifierFirst, webauthnPlatformFirstFactor: login.webauthnPlatformFirstFactor },
      { parent: this, dependsOn: login.webauthnPlatformFirstFactor && args.mfa ? [args.mfa] : [] },
    );
    this.branding =
      login.branding &&
      new auth0.Branding(
        `${name}-branding`,
        {
          logoUrl: login.branding.logoUrl,
          faviconUrl: login.branding.faviconUrl,
          colors: { primary: login.branding.colors.primary, pageBackground: login.branding.colors.pageBackground },
        },
        { parent: this },
      );
    const texts: auth0.PromptCustomText[] = [];
    for (const prompt of Object.keys(login.texts).sort()) {
      const languages = login.texts[prompt as keyof LoginConfig["texts"]] ?? {};
      for (const language of Object.keys(languages).sort()) {
        const screens = languages[language]!;
        const body = Object.fromEntries(
          Object.keys(screens)
            .sort()
            .map((screen) => [screen, Object.fromEntries(Object.keys(screens[screen]!).sort().map((key) => [key, screens[screen]![key]]))]),
        );
        texts.push(new auth0.PromptCustomText(`${name}-text-${prompt}-${language}`, { prompt, language, body: JSON.stringify(body) }, { parent: this }));
      }
    }
    this.texts = texts;
    this.registerOutputs({});
  }
}
