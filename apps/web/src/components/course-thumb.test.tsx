import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CourseThumb } from "./course-thumb";

describe("CourseThumb", () => {
  it("serves an API-relative thumbnail through the /media gateway, decoratively and lazily", () => {
    const html = renderToString(<CourseThumb url="/media/demo/photosynthesis.svg" title="Photosynthesis" />);
    expect(html).toContain('src="/media/demo/photosynthesis.svg"');
    expect(html).toContain('alt=""');
    expect(html).toContain('loading="lazy"');
  });

  it("loads at once when it is above the fold", () => {
    const html = renderToString(<CourseThumb url="https://cdn.example.com/t.png" title="Cells" loading="eager" />);
    expect(html).toContain('src="https://cdn.example.com/t.png"');
    expect(html).toContain('loading="eager"');
  });

  it("draws the title's initial, hidden from screen readers, when there is no thumbnail", () => {
    const html = renderToString(<CourseThumb url={null} title="Photosynthesis" initialClassName="text-6xl" />);
    expect(html).not.toContain("<img");
    expect(html).toContain('aria-hidden="true"');
    expect(html).toMatch(/<span class="[^"]*text-6xl[^"]*">P<\/span>/);
  });
});
