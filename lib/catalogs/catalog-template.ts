// The Excel template offered beside the import form: written by the list export itself, so that it holds
// exactly the sheets and columns the importer reads, with one example duty in every column.
import en from "../../messages/en.json";
import zh from "../../messages/zh.json";
import type { TCatalogFile } from "../validation/catalog-file";
import { exportCatalog } from "./catalog-io";
import { suggestCatalogKey } from "./catalog-key";
import { SAMPLE_SOURCE } from "./sample-source";

/**
 * A list of one example duty. Chinese fields take the Chinese example, English fields the English one;
 * the source marks it as a sample, so that a template imported unchanged is never taken for a real list.
 */
export function catalogTemplateFile(options: { year: number; nonce: string }): TCatalogFile {
  const cn = zh.catalogTemplate;
  const english = en.catalogTemplate;
  return {
    key: suggestCatalogKey(cn.title, options),
    title: cn.title,
    titleEn: english.title,
    issuer: cn.issuer,
    issuerEn: english.issuer,
    source: SAMPLE_SOURCE,
    sourceNote: cn.sourceNote,
    version: 1,
    duties: [
      {
        code: "A-01",
        title: cn.dutyTitle,
        titleEn: english.dutyTitle,
        description: cn.dutyDescription,
        descriptionEn: english.dutyDescription,
        kind: "MAIN",
        bodyType: "PARTY_GROUP",
        frequency: "YEARLY",
        evidenceRequired: true,
        weight: 10,
        group: cn.dutyGroup,
      },
    ],
  };
}

export function exportCatalogTemplate(options: { year: number; nonce: string }): Promise<Buffer> {
  return exportCatalog(catalogTemplateFile(options), "xlsx");
}
