import { json, LoopbackVendor, type Route } from "./loopback";

/** One scripted answer: tool calls to make, or text to say. */
export type ScriptedTurn =
  { toolCalls: { name: string; arguments: Record<string, unknown> }[] } | { content: string };

interface ChatSpace {
  apiKey: string | null;
  script: ScriptedTurn[];
  /** Answer when the script has run out. */
  fallback: ScriptedTurn;
  requests: { model: string; messages: unknown[]; tools: string[] }[];
  calls: number;
}

/**
 * An OpenAI-compatible chat-completions server on loopback: answers from a script (tool calls,
 * then text), checks the bearer key, and keeps every request so tests can see what the model saw.
 */
export class ChatCompletionsStandIn extends LoopbackVendor<ChatSpace> {
  protected emptySpace(): ChatSpace {
    return { apiKey: null, script: [], fallback: { content: "OK" }, requests: [], calls: 0 };
  }

  protected authorized(space: ChatSpace, authorization: string | undefined): boolean {
    return space.apiKey === null || authorization === `Bearer ${space.apiKey}`;
  }

  protected load(space: ChatSpace, data: unknown): void {
    const load = data as { apiKey?: string; script?: ScriptedTurn[]; fallback?: ScriptedTurn };
    if (load.apiKey) space.apiKey = load.apiKey;
    if (load.script) space.script.push(...load.script);
    if (load.fallback) space.fallback = load.fallback;
  }

  protected snapshot(space: ChatSpace): unknown {
    return { requests: space.requests, calls: space.calls, remaining: space.script.length };
  }

  protected routes(space: ChatSpace): Route[] {
    return [
      {
        method: "POST",
        pattern: /^\/v1\/chat\/completions$/,
        handle: (_, { body }) => {
          const request = body as {
            model?: string;
            messages?: unknown[];
            tools?: { function?: { name?: string } }[];
          };
          if (!request?.model || !Array.isArray(request.messages))
            return json(400, {
              error: { message: "model and messages are required", type: "invalid_request_error" },
            });
          space.requests.push({
            model: request.model,
            messages: request.messages,
            tools: (request.tools ?? []).map((t) => t.function?.name ?? ""),
          });
          const turn = space.script.shift() ?? space.fallback;
          const id = `chatcmpl-${++space.calls}`;
          const message =
            "content" in turn
              ? { role: "assistant", content: turn.content }
              : {
                  role: "assistant",
                  content: null,
                  tool_calls: turn.toolCalls.map((call, i) => ({
                    id: `call_${space.calls}_${i}`,
                    type: "function",
                    function: { name: call.name, arguments: JSON.stringify(call.arguments) },
                  })),
                };
          return json(200, {
            id,
            object: "chat.completion",
            created: Math.floor(Date.now() / 1000),
            model: request.model,
            choices: [
              { index: 0, message, finish_reason: "content" in turn ? "stop" : "tool_calls" },
            ],
            usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
          });
        },
      },
    ];
  }
}
