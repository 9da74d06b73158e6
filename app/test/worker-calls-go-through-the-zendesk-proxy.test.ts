import { describe, expect, it } from "vitest";
import { workerApi, CALL_TIMEOUT_MS } from "../src/api/worker-api";
import type { ZafClient, ZafRequestOptions } from "../src/zaf/client";
import { aContext } from "./factories";

function clientAnswering(answer: (options: ZafRequestOptions) => Promise<unknown>) {
  const seen: ZafRequestOptions[] = [];
  const client = {
    request: (options: ZafRequestOptions) => {
      seen.push(options);
      return answer(options);
    },
  } as unknown as ZafClient;
  return { client, seen };
}

describe("calls to the worker", () => {
  it("go through ZAF's secure proxy with the secret as a setting placeholder", async () => {
    const { client, seen } = clientAnswering(async () => ({
      status: 200,
      responseJSON: aContext(),
    }));
    const api = workerApi(client, "https://worker.example/");

    await api.act("THR-7K2M9QXA", {
      action: "approve",
      expectedVersion: 7,
      ticketId: "101",
      actor: "Ana",
    });

    expect(seen).toEqual([
      {
        url: "https://worker.example/v1/threads/THR-7K2M9QXA/actions",
        type: "POST",
        contentType: "application/json",
        data: JSON.stringify({
          action: "approve",
          expectedVersion: 7,
          ticketId: "101",
          actor: "Ana",
        }),
        headers: { Authorization: "Bearer {{setting.appSecret}}" },
        secure: true,
        cors: false,
        httpCompleteResponse: true,
        // Zendesk's proxy gives up at this point; the agent is told and offered a retry.
        timeout: CALL_TIMEOUT_MS,
      },
    ]);
  });

  it("read an error body from responseText when the proxy gives no responseJSON", async () => {
    const { client } = clientAnswering(() =>
      Promise.reject({
        status: 409,
        responseText: JSON.stringify({
          error: { code: "stale_version", message: "moved" },
          version: 9,
          changes: ["Photos arrived"],
        }),
      }),
    );

    const outcome = await workerApi(client, "https://w.example").editSummary("THR-AAAA", {
      expectedVersion: 1,
      ticketId: "1",
      actor: "Ana",
      text: "x",
    });

    expect(outcome).toEqual({ kind: "stale", status: 409, changes: ["Photos arrived"] });
  });

  it("tell a refusal from an outage", async () => {
    const refusing = clientAnswering(() =>
      Promise.reject({
        status: 422,
        responseJSON: { error: { code: "not_permitted", message: "Needs high identity." } },
      }),
    );
    const down = clientAnswering(() => Promise.reject({ status: 503, responseText: "<html>" }));

    expect(await workerApi(refusing.client, "https://w").ticketContext("101")).toEqual({
      kind: "rejected",
      status: 422,
      code: "not_permitted",
      message: "Needs high identity.",
    });
    expect(await workerApi(down.client, "https://w").ticketContext("101")).toEqual({
      kind: "failed",
      status: 503,
      message: null,
    });
  });
});
