import type { WebChatLanguage } from "../domain/web-chat";

/** Every word the web chat page shows, by language; the page is rendered in one of them. */
export interface ChatStrings {
  title: string;
  intro: string;
  conversation: string;
  present: string;
  you: string;
  assistant: string;
  /** A person from the support team writing to the visitor (after the AI handed over). */
  person: string;
  composeLabel: string;
  composePlaceholder: string;
  send: string;
  sending: string;
  notSent: string;
  connecting: string;
  connected: string;
  reconnecting: string;
  unavailable: string;
  roleCustomer: string;
  roleAgent: string;
  roleSupervisor: string;
  /** The AI agent, named as one so the customer always knows. */
  roleAi: string;
  newConversation: string;
}

export const CHAT_STRINGS: Record<WebChatLanguage, ChatStrings> = {
  en: {
    title: "Chat with us",
    intro:
      "Ask us anything. To talk about your account or orders, we will first confirm it is you.",
    conversation: "Conversation",
    present: "In this conversation",
    you: "You",
    assistant: "Support",
    person: "Support agent",
    composeLabel: "Your message",
    composePlaceholder: "Type your message",
    send: "Send",
    sending: "Sending…",
    notSent: "Not sent yet: we will try again.",
    connecting: "Connecting…",
    connected: "Connected",
    reconnecting: "Connection lost. Reconnecting…",
    unavailable: "The chat is not available right now.",
    roleCustomer: "you",
    roleAgent: "support agent",
    roleSupervisor: "supervisor",
    roleAi: "AI assistant",
    newConversation: "Start a new conversation",
  },
  de: {
    title: "Chatten Sie mit uns",
    intro:
      "Fragen Sie uns alles. Bevor wir über Ihr Konto oder Ihre Bestellungen sprechen, bestätigen wir, dass Sie es sind.",
    conversation: "Unterhaltung",
    present: "In dieser Unterhaltung",
    you: "Sie",
    assistant: "Support",
    person: "Support-Mitarbeiter",
    composeLabel: "Ihre Nachricht",
    composePlaceholder: "Nachricht eingeben",
    send: "Senden",
    sending: "Wird gesendet…",
    notSent: "Noch nicht gesendet: wir versuchen es erneut.",
    connecting: "Verbindung wird hergestellt…",
    connected: "Verbunden",
    reconnecting: "Verbindung unterbrochen. Neuer Versuch…",
    unavailable: "Der Chat ist gerade nicht verfügbar.",
    roleCustomer: "Sie",
    roleAgent: "Support-Mitarbeiter",
    roleSupervisor: "Supervisor",
    roleAi: "KI-Assistent",
    newConversation: "Neue Unterhaltung beginnen",
  },
  es: {
    title: "Chatea con nosotros",
    intro:
      "Pregúntanos lo que quieras. Para hablar de tu cuenta o tus pedidos, primero confirmaremos que eres tú.",
    conversation: "Conversación",
    present: "En esta conversación",
    you: "Tú",
    assistant: "Soporte",
    person: "Agente de soporte",
    composeLabel: "Tu mensaje",
    composePlaceholder: "Escribe tu mensaje",
    send: "Enviar",
    sending: "Enviando…",
    notSent: "Aún no enviado: lo intentaremos de nuevo.",
    connecting: "Conectando…",
    connected: "Conectado",
    reconnecting: "Conexión perdida. Reconectando…",
    unavailable: "El chat no está disponible ahora.",
    roleCustomer: "tú",
    roleAgent: "agente de soporte",
    roleSupervisor: "supervisor",
    roleAi: "Asistente de IA",
    newConversation: "Empezar una conversación nueva",
  },
};
