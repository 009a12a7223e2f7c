import { describe, expect, it, vi } from "vitest";
import type { AppError } from "../../lib/errors.js";
import { createCertificateEvents } from "./certificate.events.js";
import type { CertificateRepo, CertificateRow } from "./certificate.repo.js";
import { createCertificateService } from "./certificate.service.js";

const row = (overrides: Partial<CertificateRow> = {}): CertificateRow => ({
  id: "cert-1",
  userId: "user-1",
  courseId: "course-1",
  code: "MZXW6YTBMZXW6YTB",
  learnerName: "Sam Student",
  courseTitle: "Tiny Astronomy",
  creatorName: "Ada Creator",
  issuedAt: new Date("2026-03-14T10:00:00Z"),
  revokedAt: null,
  revokedReason: null,
  ...overrides,
});

function setup(repo: Partial<CertificateRepo>) {
  const log = { error: vi.fn() };
  const events = createCertificateEvents(log);
  const jobs = { enqueue: vi.fn(async () => ({ id: "j", accepted: true })) };
  const service = createCertificateService({
    certificates: repo as CertificateRepo,
    jobs,
    events,
    appUrl: "https://lumen.example/",
    newCode: () => "AAAAAAAAAAAAAAAA",
  });
  return { service, events, jobs, log };
}

describe("the certificate service", () => {
  it("tells listeners about a certificate only when this call issued it", async () => {
    const issue = vi.fn<CertificateRepo["issue"]>().mockResolvedValueOnce(row()).mockResolvedValueOnce(null);
    const { service, events } = setup({ issue });
    const heard: string[] = [];
    events.onCertificateIssued(async (e) => void heard.push(`${e.userId}:${e.courseId}:${e.code}`));
    await service.issueIfComplete("user-1", "course-1");
    await service.issueIfComplete("user-1", "course-1");
    expect(issue).toHaveBeenCalledWith("user-1", "course-1", "AAAAAAAAAAAAAAAA");
    expect(heard).toEqual(["user-1:course-1:MZXW6YTBMZXW6YTB"]);
  });

  it("logs a failing listener and still reports the certificate issued", async () => {
    const { service, events, log } = setup({ issue: async () => row() });
    events.onCertificateIssued(async () => {
      throw new Error("mail down");
    });
    await expect(service.issueIfComplete("user-1", "course-1")).resolves.toMatchObject({ id: "cert-1" });
    expect(log.error).toHaveBeenCalledTimes(1);
  });

  it("queues one check per completing write, named by that write", async () => {
    const { service, jobs } = setup({});
    await service.completionMayHaveChanged("user-1", "course-1", "lesson.p-9");
    expect(jobs.enqueue).toHaveBeenCalledWith(
      "certificate.issue",
      { userId: "user-1", courseId: "course-1" },
      { jobId: "certificate.issue.lesson.p-9" },
    );
  });

  it("answers 404 for a malformed code without asking the database", async () => {
    const findByCode = vi.fn<CertificateRepo["findByCode"]>();
    const { service } = setup({ findByCode });
    const error = (await service.verify("../etc").catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe("NOT_FOUND");
    expect(findByCode).not.toHaveBeenCalled();
  });

  it("prints the verification link on the PDF under a safe file name", async () => {
    const { service } = setup({ findByCode: async () => row() });
    const pdf = await service.pdf("mzxw6ytbmzxw6ytb");
    expect(pdf.filename).toBe("Lumen-certificate-MZXW6YTBMZXW6YTB.pdf");
    expect(Buffer.from(pdf.bytes).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
