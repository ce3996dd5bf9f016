import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MAX_CATALOG_FILE_BYTES } from "../lib/catalogs/catalog-problems";
import { catalogJson, catalogWorkbook } from "../lib/test/catalog-files";
import { expect, test } from "./fixtures";

const FILE_LABEL = "清单文件（Excel、JSON 或 YAML）";
const TOO_LARGE = "文件过大，不能超过 5 MB。";

function writeTemp(name: string, bytes: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dl-e2e-")), name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** A multipart body holding one file field, as a browser would send it. */
function multipart(fileName: string, bytes: Buffer): { body: Buffer; contentType: string } {
  const boundary = "----dl-e2e-boundary";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/json\r\n\r\n`);
  return { body: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

test.describe("the limits of a list import", () => {
  test("a list of 501 duties and a workbook of 100,000 rows are refused with the limit named, and nothing is imported", async ({ page, signIn }) => {
    await signIn("admin");
    await page.goto("/catalogs");

    await page.getByLabel(FILE_LABEL).setInputFiles(writeTemp("json-501.json", catalogJson(501, "e2e-json-501")));
    await page.getByRole("button", { name: "导入", exact: true }).click();
    await expect(page.getByTestId("catalog-problems")).toHaveText("文件中有 501 项职责，一份清单最多 500 项。请删减，或拆分成几份清单后再导入。");

    await page.getByLabel(FILE_LABEL).setInputFiles(writeTemp("rows-100k.xlsx", await catalogWorkbook(100_000, { key: "e2e-xlsx-100k" })));
    await page.getByRole("button", { name: "导入", exact: true }).click();
    await expect(page.getByTestId("catalog-problems")).toHaveText(
      "工作表“职责”：数据超过 500 行，而一份清单最多 500 项职责。请删去多余的行，或拆分成几份清单后再导入。",
    );
    await expect(page.getByText("导入成功")).toHaveCount(0);

    await page.reload();
    await expect(page.getByText("大清单")).toHaveCount(0);
    await expect(page.getByText("大表格")).toHaveCount(0);
  });

  test("the server refuses a body over the file limit with 413, and the form says the file is too large", async ({ page, signIn, baseURL }) => {
    await signIn("admin");
    const origin = new URL(baseURL ?? "").origin;
    const oversize = multipart("big.json", Buffer.alloc(MAX_CATALOG_FILE_BYTES + 100 * 1024, 0x20));

    const response = await page.request.post("/api/catalogs/import", {
      headers: { Origin: origin, "Content-Type": oversize.contentType },
      data: oversize.body,
    });
    expect(response.status()).toBe(413);
    expect(await response.json()).toEqual({ ok: false, error: "validation", fieldErrors: { file: ["tooLarge"] } });

    // Past the form's own check (as a stale page or another client might be): the server's refusal reads the same.
    await page.goto("/catalogs");
    await page.route("**/api/catalogs/import", (route) => {
      const { "content-length": _length, ...headers } = route.request().headers();
      return route.continue({ postData: oversize.body, headers: { ...headers, "content-type": oversize.contentType } });
    });
    await page.getByLabel(FILE_LABEL).setInputFiles(writeTemp("small.json", catalogJson(2, "e2e-small")));
    await page.getByRole("button", { name: "导入", exact: true }).click();
    await expect(page.getByTestId("catalog-problems")).toHaveText(TOO_LARGE);
    await expect(page.getByText("出错了")).toHaveCount(0);
  });
});
