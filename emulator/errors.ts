/**
 * Auth0's error body, made here and nowhere else: `{statusCode, error, message, errorCode}`.
 * Handlers throw an ApiError; the app turns it into the response. `errorCode` is left out when
 * Auth0 itself leaves it out (some 404s, e.g. "That action does not exist.").
 */
import { STATUS_CODES } from "node:http";

export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
  readonly errorCode?: string;
}

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly errorCode?: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  body(): ErrorBody {
    const error = STATUS_CODES[this.statusCode] ?? "Error";
    return this.errorCode === undefined
      ? { statusCode: this.statusCode, error, message: this.message }
      : { statusCode: this.statusCode, error, message: this.message, errorCode: this.errorCode };
  }
}

/** A 404 the way Auth0 words it for most families: "The client does not exist" / inexistent_client. */
export function notFound(message: string, errorCode?: string): ApiError {
  return new ApiError(404, message, errorCode);
}

/** A payload Auth0 would reject before touching state. */
export function invalidBody(message: string): ApiError {
  return new ApiError(400, message, "invalid_body");
}

export function conflict(message: string, errorCode = "conflict"): ApiError {
  return new ApiError(409, message, errorCode);
}

/** The Authentication API's error shape, for POST /oauth/token (it is not the Management API's). */
export function oauthError(error: string, description: string): { error: string; error_description: string } {
  return { error, error_description: description };
}
