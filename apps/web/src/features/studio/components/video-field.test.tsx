// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { COURSE_ID, renderWithRouter, signInCreator } from "../studio-test-support";
import { VideoField } from "./video-field";

/** XMLHttpRequest at the network boundary: the test drives progress and the answer. */
class FakeXhr {
  static sent: FakeXhr[] = [];
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = "";
  method = "";
  url = "";
  headers: Record<string, string> = {};
  body: FormData | null = null;
  aborted = false;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  send(body: FormData) {
    this.body = body;
    FakeXhr.sent.push(this);
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent));
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    act(() => this.onload?.());
  }
  drop() {
    act(() => this.onerror?.());
  }
}

const ASSET_ID = "5f0c3a51-2b7e-4c8d-9e0f-1a2b3c4d5e6f";
const asset = {
  id: ASSET_ID,
  kind: "video",
  content_type: "video/webm",
  byte_size: 1024,
  sha256: "ab".repeat(32),
  owner_id: "u-ada",
  course_id: COURSE_ID,
  url: `/api/v1/media/${ASSET_ID}`,
  playback_url: `/api/v1/media/${ASSET_ID}?exp=1&sig=x`,
  created_at: "2026-01-01T00:00:00.000Z",
};
const success = { success: true, data: asset, message: "Uploaded", timestamp: "2026-01-01T00:00:00Z" };
const refusal = (code: string, message: string) => ({
  success: false,
  error: { code, message },
  timestamp: "2026-01-01T00:00:00Z",
});

const file = () => new File([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3])], "lesson.webm", { type: "video/webm" });

function renderField() {
  const onChange = vi.fn();
  const onDuration = vi.fn();
  renderWithRouter(
    <VideoField
      id="video"
      courseId={COURSE_ID}
      value={null}
      playbackUrl={null}
      transcript={null}
      onChange={onChange}
      onDuration={onDuration}
    />,
  );
  return { onChange };
}

/** Matches the status line shown once the file is stored ("Uploaded lesson.webm."). */
const uploadedLine =
  (name: string) =>
  (_: string, element: Element | null): boolean =>
    element?.tagName === "P" && element.textContent === `Uploaded ${name}.`;

async function pick() {
  const user = userEvent.setup();
  await user.upload(screen.getByLabelText("Upload a video"), file());
  await waitFor(() => expect(FakeXhr.sent.length).toBeGreaterThan(0));
  return { user, xhr: FakeXhr.sent.at(-1) as FakeXhr };
}

beforeEach(() => {
  FakeXhr.sent = [];
  vi.stubGlobal("XMLHttpRequest", FakeXhr);
  signInCreator();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("VideoField upload", () => {
  it("posts the file with its fields first, shows progress, then uses the stored url", async () => {
    const { onChange } = renderField();
    const { xhr } = await pick();

    expect(xhr.method).toBe("POST");
    expect(xhr.url).toBe("/api/v1/media");
    expect(xhr.headers.authorization).toBe("Bearer token-ada");
    expect([...(xhr.body?.keys() ?? [])]).toEqual(["kind", "course_id", "file"]);
    expect(xhr.body?.get("kind")).toBe("video");
    expect(xhr.body?.get("course_id")).toBe(COURSE_ID);

    const bar = screen.getByRole("progressbar", { name: "Uploading the video" });
    expect(bar.getAttribute("aria-valuenow")).toBe("0");
    xhr.progress(30, 100);
    expect(bar.getAttribute("aria-valuenow")).toBe("30");
    xhr.progress(100, 100);
    expect(bar.getAttribute("aria-valuenow")).toBe("100");

    xhr.respond(201, success);
    // The uploading row names the file too: wait for the line that says it is stored.
    expect(await screen.findByText(uploadedLine("lesson.webm"))).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(onChange).toHaveBeenCalledWith(asset.url);
  });

  it.each([
    [413, "PAYLOAD_TOO_LARGE", "This video is larger than the 500 MiB allowed for videos"],
    [415, "UNSUPPORTED_MEDIA_TYPE", "This file is a PDF document. Upload a video as WebM, Matroska, MP4 or Ogg."],
  ])("shows the API's %s answer in words, and asks for another file", async (status, code, message) => {
    const { onChange } = renderField();
    const { xhr } = await pick();
    xhr.respond(status, refusal(code, message));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("We couldn't upload lesson.webm.");
    expect(alert.textContent).toContain(message);
    expect(alert.textContent).toContain("Choose a different file.");
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
    expect(onChange).not.toHaveBeenCalled();
  });

  it("retries the same file after a dropped connection", async () => {
    const { onChange } = renderField();
    const { user, xhr } = await pick();
    xhr.progress(40, 100);
    xhr.drop();

    expect((await screen.findByRole("alert")).textContent).toContain(
      "We couldn't reach Lumen. Check your connection and try again.",
    );
    await user.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(2));
    const again = FakeXhr.sent[1] as FakeXhr;
    expect((again.body?.get("file") as File | null)?.name).toBe("lesson.webm");
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0");
    again.respond(201, success);
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(asset.url));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("cancels an upload without calling it a failure", async () => {
    const { onChange } = renderField();
    const { user, xhr } = await pick();
    xhr.progress(10, 100);
    await user.click(screen.getByRole("button", { name: "Cancel upload" }));

    expect(xhr.aborted).toBe(true);
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
    expect(screen.queryByRole("alert")).toBeNull();
    expect(onChange).not.toHaveBeenCalled();
  });
});
