import { describe, expect, it } from "vitest";
import { artifactAdded, candidatesRecorded, hoursAfter, projected } from "./factories";

describe("artifacts and candidate threads are recorded once", () => {
  it("the same artifact URL sent twice is one artifact", () => {
    const photo = { kind: "photo", url: "https://f.example/1.jpg", sha256: "sha-1" };
    const state = projected([
      artifactAdded({ key: "a", at: hoursAfter(1), channel: "whatsapp", artifact: photo }),
      artifactAdded({ key: "b", at: hoursAfter(2), channel: "email", artifact: photo }),
    ]);
    expect(state.artifacts).toEqual([
      { ...photo, at: hoursAfter(1), channel: "whatsapp", contactId: "session:WC-1" },
    ]);
    expect(state.timeline.map((e) => e.text)).toEqual(["photo received on WhatsApp"]);
  });

  it("candidates accumulate without repeats and never include the thread itself", () => {
    const state = projected(
      [
        candidatesRecorded({
          key: "a",
          at: hoursAfter(1),
          candidates: [
            { threadId: "THR-2", reason: "open_thread" },
            { threadId: "THR-SELF", reason: "open_thread" },
          ],
        }),
        candidatesRecorded({
          key: "b",
          at: hoursAfter(2),
          candidates: [
            { threadId: "THR-2", reason: "same_order" },
            { threadId: "THR-3", reason: "reopen" },
          ],
        }),
      ],
      "THR-SELF",
    );
    expect(state.candidates).toEqual([
      { threadId: "THR-2", reason: "open_thread" },
      { threadId: "THR-3", reason: "reopen" },
    ]);
    expect(state.timeline.map((e) => e.text)).toEqual([
      "May be the same issue as THR-2",
      "May be the same issue as THR-3",
    ]);
  });
});
