// @vitest-environment happy-dom
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import VideoPlayer from "./video-player";

const VTT = "WEBVTT\n\n00:00.000 --> 00:04.000\nHello\n";

/**
 * The player's markup, inert: media-chrome's elements are not upgraded (happy-dom can't parse their range
 * styles), which leaves exactly what this test is about: where the controls sit and how big they are.
 */
function renderPlayer() {
  const template = document.createElement("template");
  template.innerHTML = renderToStaticMarkup(
    <VideoPlayer src="/media/demo/a.mp4" captionsVtt={VTT} title="Light" onVideo={() => undefined} />,
  );
  return { container: template.content };
}

describe("the phone player", () => {
  it("puts its controls under the picture, where they can't cover captions, attached to the player", () => {
    const { container } = renderPlayer();
    const controller = container.querySelector("media-controller") as HTMLElement;
    const phone = container.querySelector("[data-phone-controls]") as HTMLElement;
    // Outside the controller (no overlay), shown on phones only; the overlaid bar is hidden there.
    expect(controller.contains(phone)).toBe(false);
    expect(phone.classList.contains("sm:hidden")).toBe(true);
    expect(controller.querySelector("media-control-bar")?.classList.contains("max-sm:hidden")).toBe(true);
    const bars = Array.from(phone.querySelectorAll("media-control-bar"));
    expect(bars.map((bar) => bar.getAttribute("mediacontroller"))).toEqual([controller.id, controller.id]);
    expect(controller.id).not.toBe("");
  });

  it("gives the seek bar a full row and the play and ±10 s buttons 44 px touch targets", () => {
    const { container } = renderPlayer();
    const phone = container.querySelector("[data-phone-controls]") as HTMLElement;
    const [seekRow, buttonRow] = Array.from(phone.querySelectorAll("media-control-bar"));
    expect(Array.from(seekRow?.children ?? []).map((el) => el.tagName.toLowerCase())).toEqual(["media-time-range"]);
    expect(seekRow?.querySelector("media-time-range")?.classList.contains("flex-1")).toBe(true);
    for (const tag of ["media-play-button", "media-seek-backward-button", "media-seek-forward-button"]) {
      const button = buttonRow?.querySelector(tag);
      expect(button?.classList.contains("min-h-11"), tag).toBe(true);
      expect(button?.classList.contains("min-w-11"), tag).toBe(true);
      expect(button?.classList.contains("shrink-0"), tag).toBe(true);
    }
  });
});
