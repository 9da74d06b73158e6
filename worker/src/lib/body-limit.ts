import { bodyLimit } from "hono/body-limit";
import { ApiError } from "./problem";

/** The largest body any route reads: a webhook delivery, a settings document, a summary edit. */
export const MAX_BODY_BYTES = 512 * 1024;

/** Refuses a larger body before any of it is parsed, on every route that reads one. */
export const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new ApiError(413, "payload_too_large", `The body is larger than ${MAX_BODY_BYTES} bytes`);
  },
});
