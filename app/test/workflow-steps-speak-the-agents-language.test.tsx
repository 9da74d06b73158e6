import { readFileSync } from "node:fs";
import { join } from "node:path";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { WORKFLOWS } from "../../worker/src/domain/workflows";
import { aContext, anIdentity, aWorkflow } from "./factories";
import { renderSidebar } from "./render";

type Tree = { [key: string]: string | Tree };
const english = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "..", "translations", "en.json"), "utf8"),
) as { continuity: { workflowStep: Record<string, Record<string, string>> } };

const stepTitles = async () =>
  (await screen.findAllByTestId("workflow-step-title")).map((title) => title.textContent);

describe("workflow steps and action reasons", () => {
  it("have an English entry for every step the Worker defines, worded as the Worker words it", () => {
    const fromWorker = Object.fromEntries(
      Object.values(WORKFLOWS).map((workflow) => [
        workflow.id,
        Object.fromEntries(workflow.steps.map((step) => [step.id, step.title])),
      ]),
    );
    expect(english.continuity.workflowStep as Tree).toEqual(fromWorker);
  });

  it("are shown in Spanish to an agent whose locale is es", async () => {
    const workflow = aWorkflow({
      id: "replacement",
      steps: aWorkflow().steps.map((step, i) => ({
        ...step,
        id: WORKFLOWS.replacement.steps[i]!.id,
        title: WORKFLOWS.replacement.steps[i]!.title,
      })),
    });
    renderSidebar({ context: aContext({ workflow }), locale: "es" });

    expect(await stepTitles()).toEqual([
      "Identificar el pedido",
      "Fotos del daño",
      "Confirmar quién pregunta",
      "Aprobar la sustitución",
      "Enviar la sustitución",
    ]);
  });

  it("keep the Worker's own title for a step this version of the app does not know", async () => {
    const workflow = aWorkflow({
      steps: aWorkflow().steps.map((step) => ({ ...step, id: `new_${step.id}` })),
    });
    renderSidebar({ context: aContext({ workflow }), locale: "de" });

    expect((await stepTitles())[0]).toBe("Collect the order number");
  });

  it("say which identity level an action needs in the agent's language", async () => {
    const workflow = aWorkflow({
      actions: [
        {
          action: "approve",
          permitted: false,
          reason: "Needs high identity; the customer is at medium.",
          reasonCode: "identity_level",
          needs: "high",
        },
        {
          action: "request_verification",
          permitted: false,
          reason: "The customer is already verified.",
          reasonCode: "already_verified",
        },
      ],
    });
    renderSidebar({
      context: aContext({ workflow, identity: anIdentity({ level: "medium" }) }),
      locale: "es",
    });

    const reasonOf = async (testId: string) => {
      const button = await screen.findByTestId(testId);
      return document.getElementById(button.getAttribute("aria-describedby")!)?.textContent;
    };
    expect(await reasonOf("action-approve")).toBe(
      "Requiere identidad alta; el cliente está en media.",
    );
    expect(await reasonOf("action-request_verification")).toBe("El cliente ya está verificado.");
  });
});
