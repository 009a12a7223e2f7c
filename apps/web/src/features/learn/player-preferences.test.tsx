// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { CaptionsButton, SpeedButton } from "./player-controls";
import { readPlayerPreferences, useRememberedPlayback } from "./player-preferences";

/** The parts of a <video> the controls use: its speed and a live list of text tracks that announces additions. */
function fakeVideo() {
  const list: Array<{ kind: string; mode: TextTrackMode }> = [];
  const tracks = Object.assign(new EventTarget(), {
    get length() {
      return list.length;
    },
    [Symbol.iterator]: () => list[Symbol.iterator](),
  });
  const video = Object.assign(new EventTarget(), { playbackRate: 1, defaultPlaybackRate: 1, textTracks: tracks });
  const addTrack = () => {
    const track = { kind: "captions", mode: "disabled" as TextTrackMode };
    list.push(track);
    tracks.dispatchEvent(new Event("addtrack"));
    return track;
  };
  return { video: video as unknown as HTMLVideoElement, addTrack };
}

function Remembering({ video }: { video: HTMLVideoElement }) {
  useRememberedPlayback(video);
  return null;
}

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe("speed and captions choices", () => {
  it("are remembered across a reload and applied to the next video, captions added later included", async () => {
    const user = userEvent.setup();
    const first = fakeVideo();
    first.addTrack();
    render(
      <>
        <SpeedButton video={first.video} rates={[0.75, 1, 1.25, 1.5]} />
        <CaptionsButton video={first.video} />
      </>,
    );
    await user.click(screen.getByRole("button", { name: /Speed/ }));
    await user.click(screen.getByRole("button", { name: /captions/ }));
    expect(first.video.playbackRate).toBe(1.25);
    expect(readPlayerPreferences()).toEqual({ rate: 1.25, captions: true });
    cleanup();

    const next = fakeVideo();
    render(<Remembering video={next.video} />);
    expect(next.video.playbackRate).toBe(1.25);
    expect(next.video.defaultPlaybackRate).toBe(1.25);
    // The captions track arrives after the player (its blob URL is made in an effect).
    expect(next.addTrack().mode).toBe("showing");
  });

  it("leave a video alone when nothing was chosen, and survive a corrupt stored value", () => {
    localStorage.setItem("lumen.player", "{not json");
    const { video, addTrack } = fakeVideo();
    render(<Remembering video={video} />);
    expect(video.playbackRate).toBe(1);
    expect(addTrack().mode).toBe("disabled");
  });

  it("remember that captions were turned off", async () => {
    localStorage.setItem("lumen.player", JSON.stringify({ captions: true }));
    const user = userEvent.setup();
    const { video, addTrack } = fakeVideo();
    const track = addTrack();
    render(
      <>
        <Remembering video={video} />
        <CaptionsButton video={video} />
      </>,
    );
    expect(track.mode).toBe("showing");
    await user.click(screen.getByRole("button", { name: /captions/ }));
    expect(track.mode).toBe("hidden");
    expect(readPlayerPreferences()).toEqual({ captions: false });
  });
});
