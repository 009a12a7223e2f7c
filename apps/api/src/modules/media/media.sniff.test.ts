import { describe, expect, it } from "vitest";
import { sniffMedia } from "./media.sniff.js";

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));
/** An EBML header naming its DocType, as WebM and Matroska files start. */
const ebml = (docType: string) =>
  bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], docType);
const ftyp = (brand: string) => bytes([0, 0, 0, 0x20], "ftyp", brand, [0, 0, 2, 0], "isomiso2avc1mp41");
const ogg = (packet: string) => bytes("OggS", [0, 2], Array(20).fill(0), [1, 30], packet);

describe("sniffMedia", () => {
  it.each([
    ["WebM", ebml("webm"), "video", "video/webm"],
    ["Matroska", ebml("matroska"), "video", "video/x-matroska"],
    ["MP4", ftyp("isom"), "video", "video/mp4"],
    ["MP4 (mp42)", ftyp("mp42"), "video", "video/mp4"],
    ["Ogg Theora", ogg("\x80theora"), "video", "video/ogg"],
    ["PNG", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "image", "image/png"],
    ["JPEG", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF"), "image", "image/jpeg"],
    ["GIF", bytes("GIF89a", [1, 0, 1, 0]), "image", "image/gif"],
    ["WebP", bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "), "image", "image/webp"],
  ])("recognises %s from its first bytes", (_name, head, kind, contentType) => {
    expect(sniffMedia(head)).toEqual({ ok: true, kind, contentType });
  });

  it.each([
    ["SVG", bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'), /SVG/],
    ["bare SVG after a byte-order mark", Buffer.from("\uFEFF  <svg width='1'>", "utf8"), /SVG/],
    ["text", bytes("just some notes about the lecture\n"), /text file/],
    ["HTML", bytes("<!DOCTYPE html><html><body>"), /HTML/],
    ["PDF", bytes("%PDF-1.7\n"), /PDF/],
    ["QuickTime", ftyp("qt  "), /QuickTime/],
    ["AVIF", ftyp("avif"), /AVIF/],
    ["M4A audio", ftyp("M4A "), /audio/],
    ["Ogg Vorbis", ogg("\x01vorbis"), /Ogg audio/],
    ["WAV", bytes("RIFF", [0, 0, 0, 0], "WAVEfmt "), /RIFF file of type "WAVE"/],
    ["an EBML file of another type", ebml("other"), /neither WebM nor Matroska/],
  ])("refuses %s and says what it is", (_name, head, detected) => {
    const result = sniffMedia(head);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.detected).toMatch(detected);
  });

  it("refuses unknown binary without naming it", () => {
    expect(sniffMedia(bytes([0x00, 0x01, 0x02, 0x03, 0xfe, 0xfd]))).toEqual({ ok: false, detected: null });
  });
});
