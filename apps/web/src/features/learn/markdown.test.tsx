import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

describe("Markdown", () => {
  it("renders headings one level below the page's h1", () => {
    const html = renderToString(<Markdown source={"# Part one\n\nText.\n\n## Detail\n\n### Finer"} />);
    expect(html).not.toContain("<h1");
    expect(html).toContain("<h2>Part one</h2>");
    expect(html).toContain("<h3>Detail</h3>");
    expect(html).toContain("<h4>Finer</h4>");
  });

  it("leaves out a first heading that repeats the lesson title, and keeps any other", () => {
    const repeated = renderToString(
      <Markdown source={"# The Calvin cycle\n\nCarbon is fixed."} title="The calvin cycle" />,
    );
    expect(repeated).not.toContain("The Calvin cycle");
    expect(repeated).toContain("<p>Carbon is fixed.</p>");

    const different = renderToString(<Markdown source={"# Overview\n\nCarbon is fixed."} title="The Calvin cycle" />);
    expect(different).toContain("<h2>Overview</h2>");
  });

  it("does not render raw HTML from the content", () => {
    const html = renderToString(<Markdown source={'Hello <img src=x onerror="alert(1)"> world'} />);
    expect(html).not.toContain("<img");
  });

  it("numbers paragraphs for notes when asked, in document order", () => {
    const html = renderToString(<Markdown source={"# Head\n\nOne.\n\n- item\n\nTwo."} anchors />);
    expect(html).toContain('<p id="p-0" data-paragraph="0" tabindex="-1">One.</p>');
    expect(html).toContain('<p id="p-1" data-paragraph="1" tabindex="-1">Two.</p>');
    expect(renderToString(<Markdown source="One." />)).toBe('<div class="lesson-prose"><p>One.</p></div>');
  });
});
