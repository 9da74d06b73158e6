/** Asks for an agent run on a thread, covering its log up to `upTo`. */
export interface AgentRunMessage {
  v: 1;
  tenantId: string;
  threadId: string;
  upTo: number;
}

export const agentRunMessage = (
  tenantId: string,
  threadId: string,
  upTo: number,
): AgentRunMessage => ({ v: 1, tenantId, threadId, upTo });
