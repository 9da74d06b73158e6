/**
 * Whether a message asks something, so the Help Center is worth searching and, when it has no
 * answer, a person should see the question. A greeting or a bare statement is not asked: it gets
 * the usual "how can I help". Questions are known by their form (a question mark, an opening
 * question word in English or Spanish, "tell me", "I'd like to know"), never by their topic.
 */
const OPENERS =
  /^(?:what|whats|how|hows|when|where|which|who|why|is|are|do|does|did|can|could|will|would|should|may|have|has|qu[eé]|c[oó]mo|cu[aá]ndo|d[oó]nde|cu[aá]l|cu[aá]nto|cu[aá]nta|cu[aá]ntos|cu[aá]ntas|por qu[eé]|puedo|pueden|tienen|hay|es|son)\b/i;
const ASKING =
  /\b(?:tell me|i(?:'d| would) like to know|i want to know|wondering|do you know|quiero saber|me gustar[ií]a saber|me pueden decir|me puede decir)\b/i;

export function asksAQuestion(text: string): boolean {
  if (/[?¿]/.test(text)) return true;
  return text
    .split(/[\n.!]+/)
    .map((s) => s.trim().replace(/^(?:hi|hello|hey|hola|buenas|buenos d[ií]as)\b[\s,]*/i, ""))
    .some((s) => OPENERS.test(s) || ASKING.test(s));
}
