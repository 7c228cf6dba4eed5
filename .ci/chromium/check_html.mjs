// Opens stride's HTML plans in headless Chromium (Debian's, driven by the
// pinned playwright-core beside this script) and reports what a browser and
// a printer make of them, as JSON on standard output; tests/emit_html.rs
// asserts on the report and reads the PDFs' text with pdftotext.
//
//   node check_html.mjs CHROMIUM OUTDIR PLAN.html...
//
// For each PLAN it writes into OUTDIR:
//   PLAN.a4.pdf, PLAN.letter.pdf   printed with the page's own print stylesheet
//   PLAN.1280.png, PLAN.400.png    full-page screenshots at those widths
// and reports, per plan:
//   overflow400   the page's scrollWidth and clientWidth at 400 px
//   charts        per inline SVG chart: its title, its paths and their boxes
//   gridRows      the grid's row headers (one per week), as "3 18 Jan"
//   requests      anything the page tried to fetch
import { chromium } from "playwright-core";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [executablePath, outdir, ...plans] = process.argv.slice(2);
if (!executablePath || !outdir || plans.length === 0) {
  console.error("usage: node check_html.mjs CHROMIUM OUTDIR PLAN.html...");
  process.exit(2);
}

// As root Chromium needs --no-sandbox; the network flags keep it from
// calling home on a machine without a network.
const browser = await chromium.launch({
  executablePath,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--font-render-hinting=none",
  ],
});

const report = [];
try {
  for (const plan of plans) {
    const name = path.basename(plan, ".html");
    const url = pathToFileURL(path.resolve(plan)).href;
    const out = (suffix) => path.join(outdir, `${name}.${suffix}`);
    const entry = { plan: name };

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Nothing may be fetched: the page is self-contained.
    const requests = [];
    page.on("request", (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    await page.goto(url, { waitUntil: "load" });
    entry.requests = requests;
    await page.screenshot({ path: out("1280.png"), fullPage: true });
    entry.charts = await page.$$eval("svg", (svgs) =>
      svgs.map((svg) => ({
        title: svg.querySelector("title")?.textContent ?? "",
        paths: [...svg.querySelectorAll("path")].map((p) => {
          const box = p.getBBox();
          return {
            class: p.getAttribute("class") ?? "",
            d: p.getAttribute("d") ?? "",
            length: p.getTotalLength(),
            width: box.width,
            height: box.height,
          };
        }),
      })),
    );
    // Each week's row header, first line: "3 18 Jan".
    entry.gridRows = await page.$$eval("table.grid tbody tr th", (ths) =>
      ths.map((th) => th.innerText.split("\n")[0].trim()),
    );

    await page.setViewportSize({ width: 400, height: 800 });
    entry.overflow400 = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      gridScrollWidth: document.querySelector("table.grid")?.scrollWidth ?? -1,
    }));
    await page.screenshot({ path: out("400.png"), fullPage: true });

    await page.emulateMedia({ media: "print" });
    await page.pdf({ path: out("a4.pdf"), format: "A4", printBackground: true });
    await page.pdf({ path: out("letter.pdf"), format: "Letter", printBackground: true });
    await page.close();
    report.push(entry);
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(report, null, 1));
